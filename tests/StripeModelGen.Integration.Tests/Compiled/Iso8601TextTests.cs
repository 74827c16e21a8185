using System.Globalization;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Text;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Compiled;

/// <summary>
/// A source storing a time as ISO 8601 text (<c>type: iso8601_text</c>, as some loaders write Stripe's
/// times): the compiled SQL reads each value as the UTC instant it names, whatever its offset, which C#
/// parses independently.
/// </summary>
public sealed class Iso8601TextTests(PostgresFixture fixture)
{
    private static readonly string?[] Texts =
    [
        "2024-03-01T10:00:00Z", "2024-03-01T10:00:00.250Z", "2024-03-01T11:30:00+01:30", "2024-02-29T23:00:00-05:00",
        "2023-12-31T23:59:59+00:00", null,
    ];

    private const string Model = """
        sources:
          - name: loader
            schema: iso_text
            tables:
              - name: events
                columns: [{ name: at, column: at_text, type: iso8601_text }]
        views:
          - name: events
            table: events
            dimensions:
              - { name: id, primary_key: true }
              - { name: at, type: time, timeframes: [raw, date] }
        explores:
          - name: events
        queries:
          - name: times
            explore: events
            fields: [events.id, events.at_raw, events.at_date]
            sorts: [events.id]
        """;

    [Fact]
    public async Task Each_text_is_read_as_the_utc_instant_it_names()
    {
        var database = await fixture.GetDatabaseAsync();
        var rows = string.Join(", ", Texts.Select((t, i) => $"('e{i}', {(t is null ? "NULL" : $"'{t}'")})"));
        await Db.QueryAsync(database.ConnectionString, $"""
            DROP SCHEMA IF EXISTS iso_text CASCADE;
            CREATE SCHEMA iso_text;
            CREATE TABLE iso_text.events (id varchar PRIMARY KEY, at_text varchar);
            INSERT INTO iso_text.events VALUES {rows};
            SELECT 1 AS done
            """);
        var loaded = Compilation.Load([new SourceText("project.yml", "name: iso\n"), new SourceText("model.yml", Model)]);
        Assert.True(loaded.Model is not null, string.Join("\n", loaded.Diagnostics));
        var compiled = Compilation.Compile(loaded.Model, "postgres");
        var artifact = Assert.Single(compiled.Project!.Artifacts, a => a.Path == "queries/times.sql");

        var result = await Db.QueryAsync(database.ConnectionString, artifact.Sql);

        var expected = Texts.Select((t, i) =>
        {
            var instant = t is null ? (DateTime?)null : DateTimeOffset.Parse(t, CultureInfo.InvariantCulture).UtcDateTime;
            return new object?[] { $"e{i}", instant, instant is { } at ? DateOnly.FromDateTime(at) : null };
        });
        Assert.Equal(expected, result.Rows);
    }
}
