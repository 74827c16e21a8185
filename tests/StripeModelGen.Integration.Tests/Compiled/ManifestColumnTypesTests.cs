using System.Collections.Concurrent;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Compiled;

/// <summary>
/// The logical type the manifest gives each output column agrees with the type PostgreSQL returns for
/// it, for every compiled view, tile and saved query of every model. One exception: medians and
/// percentiles of money come back as <c>double precision</c>, since PostgreSQL's PERCENTILE_CONT is
/// defined for double precision only.
/// </summary>
public sealed class ManifestColumnTypesTests(PostgresFixture fixture)
{
    /// <summary>The PostgreSQL types (as Npgsql names them) each logical type may come back as.</summary>
    private static readonly Dictionary<string, string[]> PostgresTypes = new(StringComparer.Ordinal)
    {
        ["string"] = ["text", "character varying"],
        ["number"] = ["numeric", "bigint", "integer", "smallint", "double precision"],
        ["money"] = ["numeric"],
        ["boolean"] = ["boolean"],
        ["date"] = ["date"],
        ["timestamp"] = ["timestamp without time zone"],
    };

    private static readonly ConcurrentDictionary<string, BoundModel> Models = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="column"/> (<c>view.field</c>) is a median or percentile measure, which PostgreSQL interpolates in double precision.</summary>
    private static bool IsInterpolated(string model, string column)
    {
        var dot = column.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
            return false;
        var bound = Models.GetOrAdd(model, name => Compilation.LoadDirectory(CompiledModels.Directory(name)).Model
            ?? throw new InvalidOperationException($"model {name} has errors"));
        var view = bound.Views.FirstOrDefault(v => v.Name == column[..dot]);
        return view?.Find(column[(dot + 1)..]) is MeasureSymbol { Type: MeasureType.Median or MeasureType.Percentile };
    }

    public static TheoryData<string, string> Artifacts() => CompiledArtifactsRunTests.Artifacts();

    [Theory]
    [MemberData(nameof(Artifacts))]
    public async Task Every_column_has_the_type_the_manifest_says(string model, string path)
    {
        var database = await fixture.GetDatabaseAsync();
        var artifact = CompiledModels.Artifact(model, path);
        var sql = artifact.Sql;
        if (artifact.Kind == "view")
        {
            // A schema of its own (CompiledArtifactsRunTests uses compiled_<model>), read back with a query that returns no rows.
            var schema = $"types_{model}";
            await Db.QueryAsync(database.ConnectionString, $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"");
            await Db.QueryAsync(database.ConnectionString, $"SET search_path TO \"{schema}\";\n{artifact.Sql}");
            sql = $"SELECT * FROM \"{schema}\".\"{artifact.Name}\" LIMIT 0";
        }
        var parameters = artifact.Parameters.ToDictionary(p => p, p => (object?)database.Dataset.Customers[0].Id);

        var result = await Db.QueryAsync(database.ConnectionString, sql, parameters);

        Assert.Equal(artifact.Columns.Select(c => c.Name), result.Columns.Select(c => c.Name));
        foreach (var (column, actual) in artifact.Columns.Zip(result.Columns))
        {
            Assert.True(PostgresTypes.TryGetValue(column.Type, out var allowed), $"{column.Name}: unknown logical type {column.Type}");
            if (column.Type == "money" && actual.DataTypeName == "double precision" && IsInterpolated(model, column.Name))
                continue;
            Assert.True(allowed.Contains(actual.DataTypeName), $"{path} {column.Name}: the manifest says {column.Type}, PostgreSQL returns {actual.DataTypeName}");
        }
    }
}
