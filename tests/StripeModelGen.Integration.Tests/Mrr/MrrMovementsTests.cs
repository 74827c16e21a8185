using System.Collections.Immutable;
using System.Globalization;
using StripeModelGen.Compiler;
using StripeModelGen.Integration.Tests.Compiled;
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
        var sql = Compile(mode);

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

    private static string Compile(string mode)
    {
        var options = new CompilationOptions("cases", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("fx_conversion", mode)]));
        var loaded = Compilation.LoadDirectory(CompiledModels.Directory("mrr"), options);
        Assert.True(loaded.Model is not null, string.Join("\n", loaded.Diagnostics));
        var compiled = Compilation.Compile(loaded.Model!, "postgres");
        Assert.True(compiled.Project is not null, string.Join("\n", compiled.Diagnostics));
        return compiled.Project!.Artifacts.Single(a => a.Kind == "mrr").Sql;
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
