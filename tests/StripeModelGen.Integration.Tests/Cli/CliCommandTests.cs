using System.Globalization;
using System.Text.Json;
using StripeModelGen.Cli;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Cli;

/// <summary>
/// <c>sample-data</c> and <c>run</c> against the test database: loading a fresh schema, running the
/// planner test model's queries and dashboard in every format with results equal to the C# oracle,
/// the shipped model's executive summary as of the end of the sample data, and database errors reported
/// as one located line.
/// </summary>
public sealed class CliCommandTests(PostgresFixture fixture)
{
    private static string Planner => RepositoryRoot.Combine("tests", "StripeModelGen.Snapshots.Tests", "Models", "planner");

    private sealed record CliRun(int ExitCode, string Out, string Error)
    {
        public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public override string ToString() => $"exit {ExitCode.ToString(CultureInfo.InvariantCulture)}\n--- stdout\n{Out}--- stderr\n{Error}";
    }

    private static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = CliApplication.Run(args, new CliEnvironment(stdout, stderr, RepositoryRoot.Path, _ => null));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Sample_data_loads_a_fresh_schema_and_prints_one_line_per_table()
    {
        var database = await fixture.GetDatabaseAsync();
        const string Schema = "smg_cli_sample";

        var run = Run("sample-data", "--connection", database.ConnectionString, "--schema", Schema);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var dataset = database.Dataset; // the same seed (42) and scale (1) as the defaults
        Assert.Equal(dataset.Tables.Count + 1, run.OutLines.Length);
        for (var i = 0; i < dataset.Tables.Count; i++)
        {
            var parts = run.OutLines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([$"{Schema}.{dataset.Tables[i].Name}", dataset.Tables[i].Rows.Count.ToString(CultureInfo.InvariantCulture), dataset.Tables[i].Rows.Count == 1 ? "row" : "rows"], parts);
        }
        var total = dataset.Tables.Sum(t => t.Rows.Count).ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"loaded 26 tables ({total} rows) of sigma sample data (seed 42, scale 1) into schema {Schema}", run.OutLines[^1]);
        Assert.Equal("note: the data ends at 2026-06-30T00:00:00Z; run dashboards with --as-of 2026-06-30 so that relative dates (\"last 90 days\") fall inside it", run.ErrorLines[^1]);
        var counts = await Db.QueryAsync(database.ConnectionString, $"SELECT (SELECT count(*) FROM {Schema}.charges), (SELECT count(*) FROM {Schema}.subscription_item_change_events)");
        Assert.Equal(new object?[] { (long)dataset.Charges.Count, (long)dataset.SubscriptionItemChangeEvents.Count }, counts.Rows[0]);
        await Db.QueryAsync(database.ConnectionString, $"DROP SCHEMA {Schema} CASCADE");
    }

    [Fact]
    public async Task Sample_data_loads_another_source_seed_and_scale()
    {
        var database = await fixture.GetDatabaseAsync();
        const string Schema = "smg_cli_fivetran";

        var run = Run("sample-data", "--source", "fivetran", "--connection", database.ConnectionString, "--schema", Schema, "--seed", "7", "--scale", "2");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains(run.OutLines, l => l.StartsWith($"{Schema}.subscription_history ", StringComparison.Ordinal));
        Assert.DoesNotContain(run.OutLines, l => l.Contains(".subscription_item_change_events", StringComparison.Ordinal));
        Assert.EndsWith($"of fivetran sample data (seed 7, scale 2) into schema {Schema}", run.OutLines[^1], StringComparison.Ordinal);
        var customers = await Db.QueryAsync(database.ConnectionString, $"SELECT count(*) FROM {Schema}.customer");
        Assert.Equal((long)(2 * SampleData.CustomersPerScale), customers.Rows[0][0]);
        await Db.QueryAsync(database.ConnectionString, $"DROP SCHEMA {Schema} CASCADE");
    }

    [Fact]
    public async Task Run_query_returns_the_oracles_numbers_in_every_format()
    {
        var database = await fixture.GetDatabaseAsync();
        var d = database.Dataset;
        var charges = d.Charges.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var expected = d.Charges.Select(c => c.Currency).Distinct().Order(StringComparer.Ordinal).Select(currency => (
            Currency: currency,
            Gross: d.Charges.Where(c => c.Currency == currency && c.Status == "succeeded").Sum(c => Currencies.ToMajorUnits(c.Amount, currency)),
            Refunds: d.Refunds.Where(r => charges[r.ChargeId].Currency == currency).Sum(r => Currencies.ToMajorUnits(r.Amount, currency)))).ToList();

        var json = Run("run", "--project", Planner, "--connection", database.ConnectionString, "--query", "two_legs", "--format", "json");
        Assert.True(json.ExitCode == ExitCodes.Success, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        var rows = document.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("charges.currency").GetString()!, r.GetProperty("charges.gross").GetDecimal(), r.GetProperty("refunds.total").GetDecimal())).ToList();
        Assert.Equal(expected, rows);

        var table = Run("run", "--project", Planner, "--connection", database.ConnectionString, "--query", "two_legs");
        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Equal(" charges.currency | charges.gross | refunds.total", table.OutLines[0]);
        Assert.Matches("^-+\\+-+\\+-+$", table.OutLines[1]);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"({expected.Count} rows)"), table.OutLines[^1]);
        var jpy = expected.Single(e => e.Currency == "jpy");
        Assert.Contains(table.OutLines, l => l.StartsWith(" jpy ", StringComparison.Ordinal) && l.Contains(" | " + jpy.Gross.ToString("0", CultureInfo.InvariantCulture).PadLeft(13) + " | ", StringComparison.Ordinal));
        Assert.Equal(table.OutLines[2].Length, table.OutLines[0].Length); // aligned

        var csv = Run("run", "--project", Planner, "--connection", database.ConnectionString, "--query", "two_legs", "--format", "csv");
        Assert.Equal(ExitCodes.Success, csv.ExitCode);
        var records = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("charges.currency,charges.gross,refunds.total", records[0]);
        Assert.Equal(expected.Select(e => e.Currency), records.Skip(1).Select(r => r.Split(',')[0]));
        Assert.Equal(expected.Select(e => e.Gross), records.Skip(1).Select(r => decimal.Parse(r.Split(',')[1], CultureInfo.InvariantCulture)));
        Assert.Equal(json.Error, csv.Error); // the same warnings whatever the format
    }

    [Fact]
    public async Task Run_ad_hoc_query_and_dashboard_with_a_parameter()
    {
        var database = await fixture.GetDatabaseAsync();
        var d = database.Dataset;

        var adHoc = Run("run", "--project", Planner, "--connection", database.ConnectionString, "--explore", "charges",
            "--fields", "charges.status,charges.count", "--sort", "charges.count:desc", "--limit", "2", "--format", "csv");
        Assert.True(adHoc.ExitCode == ExitCodes.Success, adHoc.ToString());
        var top = d.Charges.GroupBy(c => c.Status).OrderByDescending(g => g.Count()).Take(2).Select(g => $"{g.Key},{g.Count().ToString(CultureInfo.InvariantCulture)}");
        Assert.Equal(["charges.status,charges.count", .. top], adHoc.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var customer = d.Charges.First(c => c.CustomerId is not null).CustomerId!;
        var dashboard = Run("run", "--project", Planner, "--connection", database.ConnectionString, "--dashboard", "lookup", "--param", "customer=" + customer);
        Assert.True(dashboard.ExitCode == ExitCodes.Success, dashboard.ToString());
        Assert.Equal("Charges", dashboard.OutLines[0]); // the tile's title, then its table
        Assert.StartsWith(" charges.id ", dashboard.OutLines[1], StringComparison.Ordinal);
        Assert.Matches("^\\(\\d+ rows?\\)$", dashboard.OutLines[^1]);
    }

    /// <summary>
    /// The README's demo: the executive summary of the sample data as of the day it ends. Every tile has rows, relative
    /// dates ("last 90 days", "this month") included, and the gross charges are the oracle's for the 90 days up to
    /// 2026-06-30.
    /// </summary>
    [Fact]
    public async Task Run_dashboard_as_of_the_end_of_the_sample_data_shows_every_tile()
    {
        var database = await fixture.GetDatabaseAsync();
        var today = new DateOnly(2026, 6, 30);
        var shipped = RepositoryRoot.Combine("models", "stripe");

        var run = Run("run", "--project", shipped, "--connection", database.ConnectionString, "--dashboard", "executive_summary", "--as-of", "2026-06-30", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var tiles = document.RootElement.GetProperty("tiles").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("rows"), StringComparer.Ordinal);
        Assert.Equal(12, tiles.Count);
        Assert.All(tiles, t => Assert.True(t.Value.GetArrayLength() > 0, $"tile {t.Key} has no rows"));
        var expected = database.Dataset.Charges.Where(c => Shipped.ExecutiveSummaryTests.InLast(c.Created, today, 90)).GroupBy(c => c.Currency)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {Shipped.ExecutiveSummaryTests.Gross(g)?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
        var actual = tiles["gross_charges"].EnumerateArray()
            .Select(r => $"{r.GetProperty("charges.currency").GetString()} {(r.GetProperty("charges.gross_amount").ValueKind == JsonValueKind.Null ? "null" : r.GetProperty("charges.gross_amount").GetDecimal().ToString(CultureInfo.InvariantCulture))}");
        Assert.Equal(expected.Select(Normalise), actual.Select(Normalise));
    }

    /// <summary><c>usd 12.50</c> and <c>usd 12.5</c> alike: decimals without trailing zeros.</summary>
    private static string Normalise(string line) => line.Contains('.', StringComparison.Ordinal) ? line.TrimEnd('0').TrimEnd('.') : line;

    /// <summary>
    /// <c>--param</c> values are sent untyped; a dashboard filter on a customer's id or email uses the parameter
    /// twice (the email lower-cased), and the customer's id and its email typed in upper case give the same rows.
    /// </summary>
    [Fact]
    public async Task Run_dashboard_finds_the_customer_by_id_or_by_email_typed_in_another_case()
    {
        var database = await fixture.GetDatabaseAsync();
        var d = database.Dataset;
        var customer = d.Customers
            .Where(c => c.Email is { } email && email.EndsWith("@example.com", StringComparison.Ordinal) && d.Customers.Count(o => o.Email == email) == 1)
            .OrderByDescending(c => d.Charges.Count(ch => ch.CustomerId == c.Id && ch.Status == "succeeded"))
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .First();

        var byId = Run("run", "--project", Planner, "--connection", database.ConnectionString, "--dashboard", "lookup_by_email", "--param", "customer_or_email=" + customer.Id, "--format", "csv");
        var byEmail = Run("run", "--project", Planner, "--connection", database.ConnectionString, "--dashboard", "lookup_by_email", "--param", "customer_or_email=" + customer.Email!.ToUpperInvariant(), "--format", "csv");

        Assert.True(byId.ExitCode == ExitCodes.Success, byId.ToString());
        Assert.True(byEmail.ExitCode == ExitCodes.Success, byEmail.ToString());
        var currencies = d.Charges.Where(c => c.CustomerId == customer.Id).Select(c => c.Currency).Distinct().Count();
        Assert.Equal(1 + currencies, byId.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Count(l => !l.StartsWith("Gross and refunds", StringComparison.Ordinal)));
        Assert.Equal(byId.Out, byEmail.Out);
    }

    [Fact]
    public async Task A_database_error_is_one_located_line_and_exit_code_1()
    {
        var database = await fixture.GetDatabaseAsync();
        var root = Path.Combine(Path.GetTempPath(), "smg-run-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(root);
        try
        {
            File.Copy(Path.Combine(Planner, "project.yml"), Path.Combine(root, "project.yml"));
            // A column the table does not have: the model is valid, PostgreSQL refuses it.
            var model = File.ReadAllText(Path.Combine(Planner, "model.yml")).Replace("- { name: reason }", "- { name: reason, sql: \"${TABLE}.reasonx\" }", StringComparison.Ordinal);
            Assert.Contains("reasonx", model, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(root, "model.yml"), model);
            File.WriteAllText(Path.Combine(root, "dashboard.yml"), """
                dashboards:
                  - name: mixed
                    tiles:
                      - { name: fine, title: Charges per status, explore: charges, fields: [charges.status, charges.count] }
                      - { name: broken, title: Refund reasons, explore: charges, fields: [refunds.reason, refunds.count] }
                queries:
                  - { name: reasons, explore: charges, fields: [refunds.reason, refunds.count] }
                """);

            var query = Run("run", "--project", root, "--connection", database.ConnectionString, "--query", "reasons");
            Assert.Equal(ExitCodes.ModelErrors, query.ExitCode);
            Assert.Matches("^query reasons: 42703: column refunds\\.reasonx does not exist", Assert.Single(query.ErrorLines));
            Assert.Empty(query.Out);

            var dashboard = Run("run", "--project", root, "--connection", database.ConnectionString, "--dashboard", "mixed");
            Assert.Equal(ExitCodes.ModelErrors, dashboard.ExitCode);
            Assert.Matches("^tile mixed\\.broken: 42703: column refunds\\.reasonx does not exist", Assert.Single(dashboard.ErrorLines));
            Assert.Equal("Charges per status", dashboard.OutLines[0]); // the other tile still ran
            Assert.Contains("Refund reasons", dashboard.OutLines);
            Assert.StartsWith("(failed: 42703: ", dashboard.OutLines[^1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
