using System.Globalization;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Integration.Tests.Compiled;
using StripeModelGen.Integration.Tests.Mrr;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Dbt;

/// <summary>
/// The proof without dbt: <c>stripe-modelgen dbt --dialect postgres</c> over the shipped model yields a
/// project that resolves the way dbt resolves it, whose models all materialise in dependency order on
/// PostgreSQL over the sample data, whose declared schema tests all pass, and whose models return what
/// the compiled SQL returns and what the C# oracles compute.
/// </summary>
public sealed class DbtProjectTests(PostgresFixture fixture)
{
    private const string ExpectedWarning = "relationships to accounts.id on transfers.destination_id";

    private SampleDataset Data => fixture.Dataset;

    [Fact]
    public async Task The_project_resolves_like_dbt_with_sources_read_only_by_staging_models()
    {
        var build = await DbtBuild.GetAsync(fixture);
        var project = build.Project;

        Assert.True(project.Problems.Count == 0, DbtResolver.Describe(project.Problems));
        Assert.All(project.Models, m => Assert.Equal(m.Path.StartsWith("models/staging/", StringComparison.Ordinal), m.Sources.Count > 0));
        Assert.All(project.Models.Where(m => m.Path.StartsWith("models/staging/", StringComparison.Ordinal)), m => Assert.Empty(m.Refs));
        Assert.All(project.Models.Where(m => !m.Path.StartsWith("models/staging/", StringComparison.Ordinal)), m => Assert.NotEmpty(m.Refs));
        // Models come after every model they read.
        var position = project.Models.Select((m, i) => (m.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        Assert.All(project.Models, m => Assert.All(m.Refs, r => Assert.True(position[r] < position[m.Name], $"{m.Name} reads {r}, materialised after it")));
        Assert.Contains(project.Models, m => m.Name == "mrr_movements" && m.Materialized == "table");
        Assert.Contains(project.Models, m => m.Name == "query_top_customers_by_net_charges" && m.Materialized == "table");
        Assert.Contains(project.Models, m => m.Name == "tile_executive_summary__gross_charges" && m.Materialized == "view");
    }

    [Fact]
    public async Task Every_model_materialises_in_dependency_order()
    {
        var build = await DbtBuild.GetAsync(fixture);

        Assert.True(build.Failures.Count == 0, DbtResolver.Describe(build.Failures));
        Assert.True(build.Project.Models.Count > 100, $"only {build.Project.Models.Count} models");
    }

    [Fact]
    public async Task Schema_files_describe_each_models_columns_in_order()
    {
        var build = await DbtBuild.GetAsync(fixture);
        Assert.Empty(build.Failures);

        var problems = new List<string>();
        foreach (var model in build.Project.Models)
        {
            var rows = await Db.QueryAsync(build.ConnectionString, $"SELECT * FROM {model.Relation(build.Target)} LIMIT 0");
            var actual = rows.Columns.Select(c => c.Name).ToList();
            if (!build.Project.DocumentedColumns.TryGetValue(model.Name, out var documented))
                problems.Add($"{model.Name} is not described in any schema file");
            else if (!documented.SequenceEqual(actual, StringComparer.Ordinal))
                problems.Add($"{model.Name}: schema.yml lists [{string.Join(", ", documented)}], the model has [{string.Join(", ", actual)}]");
        }
        Assert.True(problems.Count == 0, DbtResolver.Describe(problems));
    }

    [Fact]
    public async Task Every_declared_schema_test_passes()
    {
        var build = await DbtBuild.GetAsync(fixture);
        Assert.Empty(build.Failures);

        var failures = new List<string>();
        var warnings = new List<string>();
        foreach (var test in build.Project.Tests)
        {
            var rows = await Db.QueryAsync(build.ConnectionString, test.Sql);
            if (rows.Rows.Count > 0)
                (test.Severity == "warn" ? warnings : failures).Add($"{test}: {rows.Rows.Count.ToString(CultureInfo.InvariantCulture)} failing row(s), e.g. {string.Join(" | ", rows.Rows[0].Select(Text))}");
        }
        Assert.True(failures.Count == 0, DbtResolver.Describe(failures));
        // Relationships warn (see DbtSchemaTests): a payout's destination is a bank account or card as often as a
        // connected account, so this one warns on the sample data as on real data; every other one holds.
        Assert.Equal([ExpectedWarning], warnings.Select(w => w[..w.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(build.Project.Tests.Where(t => t.Kind.StartsWith("relationships", StringComparison.Ordinal)), t => Assert.Equal("warn", t.Severity));
        Assert.All(build.Project.Tests.Where(t => !t.Kind.StartsWith("relationships", StringComparison.Ordinal)), t => Assert.Equal("error", t.Severity));
        var kinds = build.Project.Tests.GroupBy(t => t.Kind.Split(' ')[0]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        TestContext.Current.SendDiagnosticMessage("dbt schema tests: " + string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        Assert.All(new[] { "unique", "not_null", "relationships", "accepted_values" }, kind => Assert.True(kinds.GetValueOrDefault(kind) > 0, $"no {kind} test was declared"));
        Assert.Contains(build.Project.Tests, t => t.Model == "charges" && t.Column == "customer_id" && t.Kind == "relationships to customers.id");
        Assert.Contains(build.Project.Tests, t => t.Model == "charges" && t.Column == "status" && t.Kind == "accepted_values");
    }

    /// <summary>
    /// Each view, saved query, tile and MRR model holds the same rows (as a multiset) as the SQL <c>compile</c>
    /// writes for it, run directly on the source tables: only the relations differ.
    /// </summary>
    [Fact]
    public async Task Every_model_holds_the_rows_of_its_compiled_artifact()
    {
        var build = await DbtBuild.GetAsync(fixture);
        Assert.Empty(build.Failures);
        var compiled = CompiledModels.Get("stripe");
        var compiledSchema = DbtResolver.Quote(build.Target.Schema + "_compiled");
        await Db.QueryAsync(build.ConnectionString, $"DROP SCHEMA IF EXISTS {compiledSchema} CASCADE; CREATE SCHEMA {compiledSchema}");

        var problems = new List<string>();
        var compared = 0;
        foreach (var artifact in compiled.Artifacts.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            var model = artifact.Kind switch
            {
                "view" or "mrr" => artifact.Name,
                "query" => "query_" + artifact.Name,
                "tile" => "tile_" + artifact.Name.Replace(".", "__", StringComparison.Ordinal),
                _ => throw new InvalidOperationException(artifact.Kind),
            };
            if (!artifact.Parameters.IsEmpty)
            {
                Assert.DoesNotContain(build.Project.Models, m => m.Name == model);
                continue;
            }
            string source;
            if (artifact.Kind == "view")
            {
                await Db.QueryAsync(build.ConnectionString, $"SET search_path TO {compiledSchema};\n{artifact.Sql}");
                source = $"SELECT * FROM {compiledSchema}.{DbtResolver.Quote(artifact.Name)}";
            }
            else
            {
                source = $"SELECT * FROM (\n{artifact.Sql.TrimEnd('\n', ';')}\n) AS compiled";
            }
            var relation = build.Relation(model);
            var difference = await Db.QueryAsync(build.ConnectionString,
                $"SELECT (SELECT COUNT(*) FROM (({source}) EXCEPT ALL (SELECT * FROM {relation})) AS missing), (SELECT COUNT(*) FROM ((SELECT * FROM {relation}) EXCEPT ALL ({source})) AS extra), (SELECT COUNT(*) FROM {relation})");
            var (missing, extra, rows) = ((long)difference.Rows[0][0]!, (long)difference.Rows[0][1]!, (long)difference.Rows[0][2]!);
            if (missing != 0 || extra != 0)
                problems.Add($"{model} vs {artifact.Path}: {missing.ToString(CultureInfo.InvariantCulture)} compiled row(s) missing, {extra.ToString(CultureInfo.InvariantCulture)} extra row(s) of {rows.ToString(CultureInfo.InvariantCulture)}");
            compared++;
        }
        Assert.True(problems.Count == 0, DbtResolver.Describe(problems));
        Assert.True(compared > 80, $"only {compared} artifacts were compared");
    }

    [Fact]
    public async Task The_mrr_movements_model_equals_the_oracle()
    {
        var build = await DbtBuild.GetAsync(fixture);
        Assert.Empty(build.Failures);
        var events = Data.SubscriptionItemChangeEvents.Select(e => new MrrEvent(e.CustomerId, e.Currency, e.MrrChange, e.LocalEventTimestamp)).ToList();
        var rates = Data.ExchangeRates.Select(r => (r.Date, r.BuyCurrencyExchangeRates)).ToList();
        var defaultCurrency = Data.Accounts.Select(a => a.DefaultCurrency).Where(c => c is not null).Min(StringComparer.Ordinal);
        var expected = MrrOracle.Compute(events, rates, defaultCurrency, stripeTemplate: false);

        var actual = await Db.QueryAsync(build.ConnectionString, $"SELECT * FROM {build.Relation("mrr_movements")} ORDER BY local_month_start DESC");

        Assert.True(expected.Count > 12, "the generated data spans more than a year");
        Assert.Equal(
            expected.Select(m => Line(m.LocalMonthStart, m.BeginningMrr, m.NewMrr, m.ReactivationMrr, m.ExpansionMrr, m.ContractionMrr, m.ChurnMrr,
                m.FxAdjustmentMrr, m.EndingMrr, m.BeginningSubscribers, m.NewSubscribers, m.ReactivatedSubscribers, m.ChurnedSubscribers, m.EndingSubscribers)),
            actual.Rows.Select(r => Line([.. r])));
    }

    [Fact]
    public async Task The_top_customers_query_model_equals_the_oracle()
    {
        var build = await DbtBuild.GetAsync(fixture);
        Assert.Empty(build.Failures);
        var customers = Data.Customers.ToDictionary(c => c.Id);
        var expected = Data.Charges.Where(c => c.CustomerId is not null)
            .GroupBy(c => (c.CustomerId, c.Currency))
            .Select(g => (
                Id: g.Key.CustomerId!,
                customers[g.Key.CustomerId!].Email,
                g.Key.Currency,
                Net: Sum(g.Where(c => c.Status == "succeeded" && c.Captured).Select(c => Currencies.ToMajorUnits(c.Amount - c.AmountRefunded, c.Currency))),
                Count: (long)g.Count(c => c.Status == "succeeded")))
            .OrderBy(r => r.Net is null).ThenByDescending(r => r.Net)
            .ThenBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Email is null).ThenBy(r => r.Email, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .Take(10)
            .Select(r => Line(r.Id, r.Email, r.Currency, r.Net, r.Count))
            .ToList();

        var actual = await Db.QueryAsync(build.ConnectionString,
            $"SELECT * FROM {build.Relation("query_top_customers_by_net_charges")} ORDER BY charges__net_amount DESC NULLS LAST, customers__id, customers__email NULLS LAST, charges__currency");

        Assert.Equal(["customers__id", "customers__email", "charges__currency", "charges__net_amount", "charges__succeeded_count"], actual.Columns.Select(c => c.Name));
        Assert.Equal(10, expected.Count);
        Assert.Equal(expected, actual.Rows.Select(r => Line([.. r])));
    }

    [Fact]
    public async Task The_unpaid_subscriptions_query_model_equals_the_oracle()
    {
        var build = await DbtBuild.GetAsync(fixture);
        Assert.Empty(build.Failures);
        var customers = Data.Customers.ToDictionary(c => c.Id);
        var expected = Data.Subscriptions.Where(s => s.Status == "unpaid")
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Take(5)
            .Select(s => Line(s.Id, s.CustomerId, customers[s.CustomerId].Email))
            .ToList();

        var actual = await Db.QueryAsync(build.ConnectionString, $"SELECT * FROM {build.Relation("query_unpaid_subscriptions")} ORDER BY subscriptions__id");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual.Rows.Select(r => Line([.. r])));
    }

    private static decimal? Sum(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Sum();
    }

    private static string Line(params object?[] values) => string.Join(" | ", values.Select(Text));

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        double d => ((decimal)d).ToString("0.############", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
