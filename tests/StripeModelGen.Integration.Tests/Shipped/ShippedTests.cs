using System.Globalization;
using StripeModelGen.Compiler.Emit;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Running;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>How one artifact is run: its dashboard parameters, the pinned "today" of its relative dates, and edits of its literals.</summary>
public sealed record ShippedRun(
    IReadOnlyDictionary<string, object?>? Parameters = null,
    DateOnly? Today = null,
    IReadOnlyList<(string Literal, string Replacement, int Occurrences)>? Replacements = null)
{
    public static readonly ShippedRun AsCompiled = new();

    public override string ToString()
    {
        var parts = new List<string>();
        if (Parameters is not null)
            parts.AddRange(Parameters.Select(p => $"@{p.Key} = {p.Value}"));
        if (Today is { } today)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"today {today:yyyy-MM-dd}"));
        if (Replacements is not null)
            parts.AddRange(Replacements.Select(r => $"{r.Literal} -> {r.Replacement}"));
        return parts.Count == 0 ? "as compiled" : string.Join(", ", parts);
    }
}

/// <summary>
/// Runs compiled artifacts of the shipped model on PostgreSQL. Relative dates ("last 90 days",
/// "this month") are evaluated by the warehouse from CURRENT_TIMESTAMP, which PostgreSQL cannot
/// set, so a run with <see cref="ShippedRun.Today"/> replaces it in the SQL text with noon UTC of
/// that day (as Compiled/PlannerQueryResultsTests does); the dataset ends on 2026-06-30. A run
/// without it requires the SQL not to read the clock. <see cref="AsOfTests"/> checks that SQL compiled
/// with <c>--as-of</c> (the clock written in by the compiler) returns the rows of SQL pinned this way.
/// </summary>
public abstract class ShippedTests(PostgresFixture fixture)
{
    private const string Clock = "CURRENT_TIMESTAMP";

    /// <summary>The last full day of the dataset (it ends on 2026-06-30 00:00 UTC).</summary>
    public const string LastDay = "2026-06-29";

    /// <summary>The days relative dates are pinned to: the dataset's last full day, and a day in the middle of a month with usage-based billing.</summary>
    public static readonly string[] PinnedDays = [LastDay, "2026-02-18"];

    public static TheoryData<string> Days() => new(PinnedDays);

    protected PostgresFixture Fixture => fixture;

    protected SampleDataset Data => fixture.Dataset;

    protected static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The SQL of <paramref name="artifact"/> as <paramref name="run"/> says to run it.</summary>
    public static string Prepare(CompiledArtifact artifact, ShippedRun run)
    {
        var sql = artifact.Sql;
        foreach (var (literal, replacement, occurrences) in run.Replacements ?? [])
        {
            Assert.True(occurrences == sql.Split(literal).Length - 1, $"{artifact.Path}: `{literal}` should occur {occurrences} times");
            sql = sql.Replace(literal, replacement, StringComparison.Ordinal);
        }
        if (run.Today is { } today)
        {
            Assert.True(sql.Contains(Clock, StringComparison.Ordinal), $"{artifact.Path} has no relative date, yet the test pins the clock");
            sql = sql.Replace(Clock, string.Create(CultureInfo.InvariantCulture, $"CAST('{today:yyyy-MM-dd} 12:00:00+00' AS TIMESTAMPTZ)"), StringComparison.Ordinal);
        }
        else
        {
            Assert.False(sql.Contains(Clock, StringComparison.Ordinal), $"{artifact.Path} reads the clock: pin it");
        }
        return sql;
    }

    /// <summary>The connection string of the database holding <paramref name="source"/>'s layout in schema <c>stripe</c>.</summary>
    protected async Task<string> ConnectionAsync(string source) => source == ShippedModel.Sigma
        ? (await fixture.GetDatabaseAsync()).ConnectionString
        : await fixture.GetSourceDatabaseAsync(source);

    protected async Task<ResultTable> RunAsync(string path, ShippedRun run, string source = ShippedModel.Sigma)
    {
        var artifact = ShippedModel.Artifact(path, source);
        Assert.Equal(artifact.Parameters.Order(StringComparer.Ordinal), (run.Parameters?.Keys ?? []).Order(StringComparer.Ordinal));
        var sql = Prepare(artifact, run);
        var result = await Db.QueryAsync(await ConnectionAsync(source), sql, run.Parameters);
        Assert.Equal(artifact.Columns.Select(c => c.Name), result.Columns.Select(c => c.Name));
        return result;
    }

    /// <summary>Runs the artifact and compares its rows, in order, with <paramref name="expected"/>, which must not be empty unless <paramref name="allowEmpty"/>.</summary>
    protected async Task AssertRowsAsync(string path, IEnumerable<object?[]> expected, ShippedRun? run = null, bool allowEmpty = false)
    {
        run ??= ShippedRun.AsCompiled;
        var expectedLines = ShippedRows.Lines(expected);
        if (!allowEmpty)
            Assert.True(expectedLines.Count > 0, $"{path} ({run}): the oracle expects no rows, so the test could not fail");
        var result = await RunAsync(path, run);
        ShippedRows.Equal(expectedLines, ShippedRows.Lines(result), $"{path} ({run})");
    }

    protected static ShippedRun On(string day) => new(Today: ParseDay(day));

    protected static ShippedRun With(string parameter, string value) => new(new Dictionary<string, object?> { [parameter] = value });
}
