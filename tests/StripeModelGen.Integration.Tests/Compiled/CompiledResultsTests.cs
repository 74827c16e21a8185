using System.Globalization;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Running;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Compiled;

/// <summary>
/// The numbers compiled queries return equal the numbers computed in C# from the generated records
/// (the oracle): row for row, in the compiled query's order. Money is compared in major units.
/// </summary>
public sealed class CompiledResultsTests(PostgresFixture fixture)
{
    private SampleDataset Data => fixture.Dataset;

    private static decimal Major(long amount, string currency) => Currencies.ToMajorUnits(amount, currency);

    private static bool Succeeded(ChargeRow charge) => charge.Status == "succeeded";

    /// <summary>Rows sorted the way the planner orders by default: by every dimension ascending, NULLs last.</summary>
    private static IEnumerable<T> Ordered<T>(IEnumerable<T> rows, params Func<T, string?>[] keys)
    {
        IOrderedEnumerable<T>? ordered = null;
        foreach (var key in keys)
        {
            ordered = ordered is null
                ? rows.OrderBy(r => key(r) is null).ThenBy(key, StringComparer.Ordinal)
                : ordered.ThenBy(r => key(r) is null).ThenBy(key, StringComparer.Ordinal);
        }
        return ordered ?? rows;
    }

    [Fact]
    public async Task A_measure_alone()
    {
        var expected = Ordered(Data.Charges.GroupBy(c => c.Currency), g => g.Key)
            .Select(g => Row(g.Key, g.Where(Succeeded).Sum(c => Major(c.Amount, c.Currency)), g.Count()));
        await AssertRows("planner", "queries/measure_alone.sql", expected);
    }

    [Fact]
    public async Task A_measure_grouped_by_a_one_to_many_dimension_counts_each_charge_once_per_group()
    {
        var refundsByCharge = Data.Refunds.ToLookup(r => r.ChargeId);
        var pairs = Data.Charges.SelectMany(c => refundsByCharge[c.Id].Any()
            ? refundsByCharge[c.Id].Select(r => r.Reason).Distinct().Select(reason => (Reason: reason, Charge: c))
            : [(Reason: (string?)null, Charge: c)]);
        var expected = Ordered(pairs.GroupBy(p => (p.Reason, p.Charge.Currency)), g => g.Key.Reason, g => g.Key.Currency)
            .Select(g => Row(g.Key.Reason, g.Key.Currency, NullIfNone(g.Select(p => p.Charge).Where(Succeeded).Select(c => Major(c.Amount, c.Currency))), g.Count()));
        await AssertRows("planner", "queries/fanout_by_joined_dimension.sql", expected);
    }

    [Fact]
    public async Task Measures_of_two_views_each_see_only_their_own_rows()
    {
        var chargesById = Data.Charges.ToDictionary(c => c.Id);
        var expected = Ordered(Data.Charges.GroupBy(c => c.Currency), g => g.Key).Select(g => Row(
            g.Key,
            g.Where(Succeeded).Sum(c => Major(c.Amount, c.Currency)),
            NullIfNone(Data.Refunds.Where(r => chargesById[r.ChargeId].Currency == g.Key).Select(r => Major(r.Amount, r.Currency)))));
        await AssertRows("planner", "queries/two_legs.sql", expected);
    }

    [Fact]
    public async Task A_measure_is_the_same_alone_and_beside_a_one_to_many_join()
    {
        var database = await fixture.GetDatabaseAsync();
        var alone = await Db.QueryAsync(database.ConnectionString, CompiledModels.Artifact("planner", "queries/measure_alone.sql").Sql);
        var beside = await Db.QueryAsync(database.ConnectionString, CompiledModels.Artifact("planner", "queries/two_legs.sql").Sql);
        Assert.Equal(Column(alone, "charges.gross"), Column(beside, "charges.gross"));
        Assert.NotEmpty(Data.Refunds);
    }

    [Fact]
    public async Task Counting_a_joined_view_counts_its_rows_not_the_base_rows_without_a_match()
    {
        var chargesByCustomer = Data.Charges.Where(c => c.CustomerId is not null).ToLookup(c => c.CustomerId!);
        var expected = Data.Customers.GroupBy(c => c.Delinquent).OrderBy(g => g.Key)
            .Select(g => Row(g.Key, g.Count(), g.Sum(c => chargesByCustomer[c.Id].Count())));
        await AssertRows("planner", "queries/joined_view_count.sql", expected);
    }

    [Fact]
    public async Task Distinct_counts_and_maximums_over_a_fanned_out_join()
    {
        var refundsByCharge = Data.Refunds.ToLookup(r => r.ChargeId);
        var pairs = Data.Charges.SelectMany(c => refundsByCharge[c.Id].Any()
            ? refundsByCharge[c.Id].Select(r => (Reason: r.Reason, Charge: c))
            : [(Reason: (string?)null, Charge: c)]);
        var expected = Ordered(pairs.GroupBy(p => p.Reason), g => g.Key).Select(g => Row(
            g.Key,
            g.Select(p => p.Charge.CustomerId).Where(id => id is not null).Distinct().Count(),
            g.Max(p => Major(p.Charge.Amount, p.Charge.Currency))));
        await AssertRows("planner", "queries/fanout_safe_aggregates.sql", expected);
    }

    [Fact]
    public async Task A_filter_on_a_measure_keeps_the_groups_that_pass()
    {
        var emails = Data.Customers.ToDictionary(c => c.Id, c => c.Email);
        var expected = Ordered(
                Data.Charges.GroupBy(c => (Email: c.CustomerId is null ? null : emails[c.CustomerId], c.Currency)).Where(g => g.Count() >= 3),
                g => g.Key.Email,
                g => g.Key.Currency)
            .Select(g => Row(g.Key.Email, g.Key.Currency, g.Count()));
        await AssertRows("planner", "queries/group_filter.sql", expected);
    }

    [Fact]
    public async Task Averages_medians_and_percentiles_of_money_in_major_units()
    {
        var expected = Ordered(Data.Charges.GroupBy(c => c.Currency), g => g.Key).Select(g =>
        {
            var values = g.Select(c => Major(c.Amount, c.Currency)).Order().ToList();
            return Row(g.Key, Round(values.Average()), Round(Percentile(values, 0.5m)), Round(Percentile(values, 0.9m)));
        });
        await AssertRows("planner", "queries/statistics.sql", expected, round: true);
    }

    [Fact]
    public async Task A_window_dimension_is_computed_before_the_query_filters_on_it()
    {
        var firsts = Data.Charges
            .GroupBy(c => c.CustomerId)
            .Select(g => g.OrderBy(c => c.Created).ThenBy(c => c.Id, StringComparer.Ordinal).First());
        var expected = Ordered(firsts.GroupBy(c => c.Currency), g => g.Key).Select(g => Row(g.Key, 1L, g.Count()));
        await AssertRows("planner", "queries/first_charges.sql", expected);
    }

    [Fact]
    public async Task The_ten_customers_with_the_most_net_charges()
    {
        var customers = Data.Customers.ToDictionary(c => c.Id);
        var expected = Data.Charges.Where(c => c.CustomerId is not null)
            .GroupBy(c => (c.CustomerId, c.Currency))
            .Select(g => (
                Id: g.Key.CustomerId!,
                customers[g.Key.CustomerId!].Email,
                g.Key.Currency,
                Net: NullIfNone(g.Where(c => Succeeded(c) && c.Captured).Select(c => Major(c.Amount - c.AmountRefunded, c.Currency))),
                Count: g.Count(Succeeded)))
            .OrderBy(r => r.Net is null).ThenByDescending(r => r.Net)
            .ThenBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Email is null).ThenBy(r => r.Email, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .Take(10)
            .Select(r => Row(r.Id, r.Email, r.Currency, r.Net, r.Count));
        await AssertRows("stripe", "queries/top_customers_by_net_charges.sql", expected);
    }

    [Fact]
    public async Task The_first_unpaid_subscriptions_with_their_customers_email()
    {
        var customers = Data.Customers.ToDictionary(c => c.Id);
        var expected = Data.Subscriptions.Where(s => s.Status == "unpaid")
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Take(5)
            .Select(s => Row(s.Id, s.CustomerId, customers[s.CustomerId].Email));
        Assert.NotEmpty(expected);
        await AssertRows("stripe", "queries/unpaid_subscriptions.sql", expected);
    }

    private static decimal? NullIfNone(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Sum();
    }

    /// <summary>Linear interpolation between closest ranks, as PERCENTILE_CONT.</summary>
    private static decimal Percentile(IReadOnlyList<decimal> sorted, decimal fraction)
    {
        var position = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static decimal Round(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);

    private static string[] Row(params object?[] values) => [.. values.Select(Text)];

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        double d => ((decimal)d).ToString("0.############", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static IReadOnlyList<string> Column(ResultTable table, string name)
    {
        var index = table.IndexOf(name);
        return [.. table.Rows.Select(r => Text(r[index]))];
    }

    private async Task AssertRows(string model, string path, IEnumerable<string[]> expected, bool round = false)
    {
        var database = await fixture.GetDatabaseAsync();
        var result = await Db.QueryAsync(database.ConnectionString, CompiledModels.Artifact(model, path).Sql);
        var actual = result.Rows.Select(r => r.Select(v => round && v is decimal d ? Text(Round(d)) : Text(v)).ToArray()).ToList();
        var expectedRows = expected.ToList();
        Assert.NotEmpty(expectedRows);
        Assert.Equal(expectedRows.Select(r => string.Join(" | ", r)), actual.Select(r => string.Join(" | ", r)));
    }
}
