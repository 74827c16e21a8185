using System.Collections.Immutable;
using System.Globalization;
using StripeModelGen.Compiler;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Mrr;

/// <summary>
/// The compiled mrr_movements query, run on PostgreSQL over the hand-written hard cases, equals the C#
/// implementation of the movement definition row by row, in both FX conversion modes.
/// </summary>
public sealed class MrrMovementsTests(PostgresFixture fixture)
{
    public static TheoryData<string> Modes => ["exponent_aware", "stripe_template"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Movements_equal_the_oracle_on_the_hard_cases(string mode)
    {
        var database = await fixture.GetDatabaseAsync();
        await Db.QueryAsync(database.ConnectionString, MrrCases.LoadSql());
        var sql = Compile(mode, source: "cases");

        var actual = await Db.QueryAsync(database.ConnectionString, sql);
        var expected = MrrOracle.Compute(MrrCases.Events, MrrCases.Rates, MrrCases.DefaultCurrency, mode == "stripe_template");

        Assert.Equal(
            ["local_month_start", "beginning_mrr", "new_mrr", "reactivation_mrr", "expansion_mrr", "contraction_mrr", "churn_mrr",
             "fx_adjustment_mrr", "ending_mrr", "beginning_subscribers", "new_subscribers", "reactivated_subscribers", "churned_subscribers", "ending_subscribers"],
            actual.Columns.Select(c => c.Name));
        Assert.Equal(expected.Select(Text), actual.Rows.Select(r => string.Join(" | ", r.Select(Format))));
        Assert.Contains(expected, m => m.ReactivationMrr != 0);
        Assert.Contains(expected, m => m.ChurnMrr != 0);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Movements_equal_the_oracle_on_the_generated_dataset(string mode)
    {
        var database = await fixture.GetDatabaseAsync();
        var data = database.Dataset;
        var events = data.SubscriptionItemChangeEvents.Select(e => new MrrEvent(e.CustomerId, e.Currency, e.MrrChange, e.LocalEventTimestamp)).ToList();
        var rates = data.ExchangeRates.Select(r => (r.Date, r.BuyCurrencyExchangeRates)).ToList();
        var defaultCurrency = data.Accounts.Select(a => a.DefaultCurrency).Where(c => c is not null).Min(StringComparer.Ordinal);
        var expected = MrrOracle.Compute(events, rates, defaultCurrency, mode == "stripe_template");

        var actual = await Db.QueryAsync(database.ConnectionString, Compile(mode, source: "sigma"));

        Assert.True(expected.Count > 12, "the generated data spans more than a year");
        Assert.Contains(expected, m => m.ReactivationMrr != 0);
        Assert.Contains(expected, m => m.ContractionMrr != 0);
        Assert.Equal(expected.Select(Text), actual.Rows.Select(r => string.Join(" | ", r.Select(Format))));
    }

    [Fact]
    public async Task The_two_modes_differ_only_where_exponents_differ()
    {
        var aware = MrrOracle.Compute(MrrCases.Events, MrrCases.Rates, MrrCases.DefaultCurrency, stripeTemplate: false);
        var template = MrrOracle.Compute(MrrCases.Events, MrrCases.Rates, MrrCases.DefaultCurrency, stripeTemplate: true);
        // JPY has no minor unit: ¥4,500 at about ¥150 per dollar is about 3,000 cents, where the template yields 30 "cents".
        Assert.NotEqual(aware.Select(m => m.EndingMrr), template.Select(m => m.EndingMrr));
        var january = aware.Single(m => m.LocalMonthStart == new DateOnly(2026, 1, 1));
        Assert.InRange(january.EndingMrr, 6000 + 2950, 6000 + 3000);
        await Task.CompletedTask;
    }

    /// <summary>The compiled mrr_movements query: of the shipped model over sigma, or of the shipped chain over the hand-written cases.</summary>
    private static string Compile(string mode, string source)
    {
        var options = new CompilationOptions(source, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("fx_conversion", mode)]));
        var directory = source == "cases" ? CasesProject() : null;
        var loaded = Compilation.LoadDirectory(directory ?? RepositoryRoot.Combine("models", "stripe"), options);
        if (directory is not null)
            Directory.Delete(directory, recursive: true);
        Assert.True(loaded.Model is not null, string.Join("\n", loaded.Diagnostics));
        var compiled = Compilation.Compile(loaded.Model!, "postgres");
        Assert.True(compiled.Project is not null, string.Join("\n", compiled.Diagnostics));
        return compiled.Project!.Artifacts.Single(a => a.Path == "mrr/mrr_movements.sql").Sql;
    }

    /// <summary>A project of the hand-written cases' tables and the shipped MRR chain, in a fresh directory.</summary>
    private static string CasesProject()
    {
        var directory = Path.Combine(Path.GetTempPath(), "smg-mrr-cases-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("tests", "StripeModelGen.Integration.Tests", "Mrr", "Cases"), "*.yml"))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        File.Copy(RepositoryRoot.Combine("models", "stripe", "mrr", "mrr_movements.view.yml"), Path.Combine(directory, "mrr_movements.view.yml"));
        return directory;
    }

    private static string Text(MrrMonth m) => string.Join(" | ", new object?[]
    {
        m.LocalMonthStart, m.BeginningMrr, m.NewMrr, m.ReactivationMrr, m.ExpansionMrr, m.ContractionMrr, m.ChurnMrr,
        m.FxAdjustmentMrr, m.EndingMrr, m.BeginningSubscribers, m.NewSubscribers, m.ReactivatedSubscribers, m.ChurnedSubscribers, m.EndingSubscribers,
    }.Select(Format));

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
