using System.Text;
using StripeModelGen.Execution.Running;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// The same business facts through every source: each tile and saved query compiled with
/// <c>--source segment</c> or <c>--source fivetran</c> runs on a database holding the dataset in that
/// source's layout (schema <c>stripe</c>) and returns exactly the rows it returns compiled for Sigma over
/// the Sigma layout, whose rows the other tests of this folder check against the oracle. Every run of an
/// artifact is compared: each bound customer (by id and by email) or invoice of <see cref="LookupSubjects"/>,
/// each pinned day for relative dates. Artifacts a source lacks the tables or columns of are not compiled
/// for it (SMG3005, see <see cref="CoverageTests"/>).
/// </summary>
public sealed class CrossSourceTests(PostgresFixture fixture) : ShippedTests(fixture)
{
    public static TheoryData<string, string> Artifacts()
    {
        var data = new TheoryData<string, string>();
        foreach (var source in ShippedModel.OtherSources)
        {
            foreach (var artifact in ShippedModel.TilesAndQueries(ShippedModel.Sigma))
                data.Add(source, artifact.Path);
        }
        return data;
    }

    /// <summary>Every way the tests run the artifact at <paramref name="path"/>: its parameters bound to each subject, its clock pinned to each day.</summary>
    private IEnumerable<ShippedRun> Runs(string path)
    {
        var artifact = ShippedModel.Artifact(path);
        var subjects = LookupSubjects.For(Data);
        List<Dictionary<string, object?>?> parameters = artifact.Parameters switch
        {
            [] => [null],
            ["customer"] => [.. subjects.CustomerLookups.Select(c => new Dictionary<string, object?> { ["customer"] = c })],
            ["invoice"] => [.. subjects.Invoices.Select(i => new Dictionary<string, object?> { ["invoice"] = i })],
            var other => throw new InvalidOperationException($"{path}: no subjects for parameters {string.Join(", ", other)}"),
        };
        IEnumerable<DateOnly?> days = artifact.Sql.Contains("CURRENT_TIMESTAMP", StringComparison.Ordinal) ? PinnedDays.Select(d => (DateOnly?)ParseDay(d)) : [null];
        var runs = (from p in parameters from d in days select new ShippedRun(p, d)).ToList();
        if (path == "queries/subscription_invoices.sql")
            runs.Add(SavedQueryTests.ForSubscription(SavedQueryTests.BusiestSubscription(Data)));
        return runs;
    }

    [Theory]
    [MemberData(nameof(Artifacts))]
    public async Task Returns_the_rows_it_returns_over_sigma(string source, string path)
    {
        if (ShippedModel.Find(path, source) is null)
        {
            // Not compiled for the source: it must say so (CoverageTests checks which ones).
            Assert.Contains(ShippedModel.Diagnostics(source), d => d.Id == "SMG3005" && d.Message.Contains($"`{ShippedModel.Artifact(path).Name}`", StringComparison.Ordinal));
            return;
        }
        var differences = await DifferencesAsync(source, path);
        Assert.True(differences.Length == 0, $"{path} over {source} differs from sigma:{differences}");
    }

    /// <summary>Every run of the artifact over sigma and over <paramref name="source"/>, and what differs (empty when nothing does).</summary>
    private async Task<string> DifferencesAsync(string source, string path)
    {
        var artifact = ShippedModel.Artifact(path, source);
        var sigma = await ConnectionAsync(ShippedModel.Sigma);
        var other = await ConnectionAsync(source);
        var differences = new StringBuilder();
        var rows = 0;
        foreach (var run in Runs(path))
        {
            var expected = ShippedRows.Lines(await Db.QueryAsync(sigma, Prepare(ShippedModel.Artifact(path), run), run.Parameters));
            rows += expected.Count;
            List<string> actual;
            try
            {
                var result = await Db.QueryAsync(other, Prepare(artifact, run), run.Parameters);
                Assert.Equal(artifact.Columns.Select(c => c.Name), result.Columns.Select(c => c.Name));
                actual = ShippedRows.Lines(result);
            }
            catch (SqlExecutionException exception)
            {
                differences.Append($"\n{run}: the {source} SQL fails: {exception.Message}");
                continue;
            }
            if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
            {
                differences.Append($"\n{run}: {expected.Count} rows over sigma, {actual.Count} over {source}");
                foreach (var line in expected.Except(actual, StringComparer.Ordinal).Take(5))
                    differences.Append($"\n  only sigma:  {line}");
                foreach (var line in actual.Except(expected, StringComparer.Ordinal).Take(5))
                    differences.Append($"\n  only {source}: {line}");
            }
        }
        Assert.True(rows > 0, $"{path}: no run returns rows over sigma, so the comparison could not fail");
        return differences.ToString();
    }

    /// <summary>The derived view with the week-over-week change of the time to payment (see <see cref="FinanceOperationsTests"/>).</summary>
    [Theory]
    [MemberData(nameof(CoverageTests.Sources), MemberType = typeof(CoverageTests))]
    public async Task The_time_to_payment_week_changes_view_returns_the_rows_it_returns_over_sigma(string source)
    {
        const string path = "views/invoice_payment_week_changes.sql";
        var expected = ShippedRows.Lines(await Db.QueryAsync(await ConnectionAsync(ShippedModel.Sigma), FinanceOperationsTests.ViewQuery(path)));
        var actual = ShippedRows.Lines(await Db.QueryAsync(await ConnectionAsync(source), FinanceOperationsTests.ViewQuery(path, source)));
        Assert.NotEmpty(expected);
        ShippedRows.Equal(expected, actual, $"{path} over {source}");
    }
}
