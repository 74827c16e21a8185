using StripeModelGen.Execution.Datasets;
using StripeModelGen.Integration.Tests.Postgres;
using static StripeModelGen.Integration.Tests.Shipped.ShippedRows;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// Every tile of the Executive Summary dashboard against the oracle. The dashboard's period filter
/// defaults to "last 90 days" of charges.created_date: from the start of the day 89 days before today
/// to the end of today (UTC), with today pinned to each of <see cref="ShippedTests.PinnedDays"/>.
/// </summary>
public sealed class ExecutiveSummaryTests(PostgresFixture fixture) : ShippedTests(fixture)
{
    private const string Tiles = "tiles/executive_summary/";

    internal static bool InLast(DateTime time, DateOnly today, int days) => Day(time) >= today.AddDays(-(days - 1)) && Day(time) <= today;

    internal static bool Collected(ChargeRow charge) => charge.Status == "succeeded" && charge.Captured;

    internal static decimal? Gross(IEnumerable<ChargeRow> charges) => SumOrNull(charges.Where(Collected).Select(c => Major(c.Amount, c.Currency)));

    internal static decimal? Refunded(IEnumerable<ChargeRow> charges) => SumOrNull(charges.Where(Collected).Select(c => Major(c.AmountRefunded, c.Currency)));

    internal static decimal? Net(IEnumerable<ChargeRow> charges) => SumOrNull(charges.Where(Collected).Select(c => Major(c.Amount - c.AmountRefunded, c.Currency)));

    internal static decimal? Failed(IEnumerable<ChargeRow> charges) => SumOrNull(charges.Where(c => c.Status == "failed").Select(c => Major(c.Amount, c.Currency)));

    internal static object?[] Counts(IReadOnlyCollection<ChargeRow> charges) => Row(
        (long)charges.Count,
        (long)charges.Count(c => c.Status == "succeeded"),
        (long)charges.Count(c => c.Status == "failed"),
        (long)charges.Count(c => c.AmountRefunded > 0));

    private List<ChargeRow> Period(string day) => [.. Data.Charges.Where(c => InLast(c.Created, ParseDay(day), 90))];

    private List<object?[]> PerCurrency(string day, Func<IEnumerable<ChargeRow>, decimal?> measure)
    {
        return Sorted(Period(day).GroupBy(c => c.Currency).Select(g => Row(g.Key, measure(g))), Asc(0));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Gross_charges_are_succeeded_captured_amounts_per_currency_of_the_period(string day)
    {
        var expected = PerCurrency(day, Gross);
        Assert.Contains(expected, r => r[1] is decimal);
        // Failed charges and authorisations never captured are in the period but not in the gross.
        Assert.Contains(Period(day), c => c.Status == "failed");
        Assert.Contains(Period(day), c => c.Status == "succeeded" && !c.Captured);
        await AssertRowsAsync(Tiles + "gross_charges.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Refunded_charges_are_the_amounts_refunded_on_the_period_s_collected_charges(string day)
    {
        var expected = PerCurrency(day, Refunded);
        Assert.Contains(expected, r => r[1] is decimal refunded && refunded > 0);
        await AssertRowsAsync(Tiles + "refunded_charges.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Net_charges_are_gross_minus_refunded_without_subtracting_failures(string day)
    {
        var expected = PerCurrency(day, Net);
        Assert.Contains(expected, r => r[1] is decimal);
        await AssertRowsAsync(Tiles + "net_charges.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task The_success_rate_reads_this_calendar_month_whatever_the_period(string day)
    {
        var today = ParseDay(day);
        var month = Data.Charges.Where(c => c.Created.Year == today.Year && c.Created.Month == today.Month).ToList();
        var succeeded = month.Count(c => c.Status == "succeeded");
        var failed = month.Count(c => c.Status == "failed");
        Assert.True(succeeded > 0 && failed > 0);
        // "this month" is the whole calendar month, days after today included.
        var expected = new[] { Row(succeeded + failed == 0 ? null : (decimal?)((decimal)succeeded / (succeeded + failed))) };
        await AssertRowsAsync(Tiles + "success_rate_this_month.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Charge_counts_of_the_period(string day)
    {
        var expected = new[] { Counts(Period(day)) };
        Assert.All(expected[0], v => Assert.True((long)v! > 0));
        await AssertRowsAsync(Tiles + "charge_counts.sql", expected, On(day));
    }

    [Fact]
    public async Task Delinquent_customers_are_counted_whatever_the_period()
    {
        var expected = new[] { Row((long)Data.Customers.Count(c => c.Delinquent)) };
        Assert.NotEqual(0L, expected[0][0]);
        await AssertRowsAsync(Tiles + "delinquent_customers.sql", expected);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task New_customers_are_the_customers_created_in_the_period(string day)
    {
        var expected = new[] { Row((long)Data.Customers.Count(c => InLast(c.Created, ParseDay(day), 90))) };
        Assert.NotEqual(0L, expected[0][0]);
        await AssertRowsAsync(Tiles + "new_customers.sql", expected, On(day));
    }

    [Fact]
    public async Task Unpaid_invoices_are_the_open_ones()
    {
        var expected = new[] { Row((long)Data.Invoices.Count(i => i.Status == "open")) };
        Assert.NotEqual(0L, expected[0][0]);
        Assert.Contains(Data.Invoices, i => !i.Paid && i.Status != "open"); // drafts, voids: not receivables
        await AssertRowsAsync(Tiles + "unpaid_invoice_count.sql", expected);
    }

    [Fact]
    public async Task Unpaid_invoice_amount_is_the_amount_due_on_open_invoices_per_currency()
    {
        var expected = Sorted(
            Data.Invoices.GroupBy(i => i.Currency).Select(g => Row(
                g.Key,
                (long)g.Count(i => i.Status == "open"),
                SumOrNull(g.Where(i => i.Status == "open").Select(i => Major(i.AmountDue, i.Currency))))),
            Asc(0));
        Assert.Contains(expected, r => r[2] is decimal);
        await AssertRowsAsync(Tiles + "unpaid_invoice_amount.sql", expected);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Charge_status_breakdown_of_the_period_largest_first(string day)
    {
        var expected = Sorted(Period(day).GroupBy(c => c.Status).Select(g => Row(g.Key, (long)g.Count())), Desc(1), Asc(0));
        Assert.True(expected.Count >= 2);
        await AssertRowsAsync(Tiles + "charge_status.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Successful_failed_and_refunded_charges_by_day(string day)
    {
        var expected = Sorted(
            Period(day).GroupBy(c => Day(c.Created)).Select(g => Row(
                g.Key,
                (long)g.Count(c => c.Status == "succeeded"),
                (long)g.Count(c => c.Status == "failed"),
                (long)g.Count(c => c.AmountRefunded > 0))),
            Asc(0));
        Assert.True(expected.Count > 30);
        await AssertRowsAsync(Tiles + "charges_by_day.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Charge_amounts_by_day_and_currency(string day)
    {
        var expected = Sorted(
            Period(day).GroupBy(c => (Day: Day(c.Created), c.Currency)).Select(g => Row(g.Key.Day, g.Key.Currency, Gross(g), Net(g), Failed(g), Refunded(g))),
            Asc(0), Asc(1));
        Assert.Contains(expected, r => r[2] is null); // a day and currency with only failed charges
        Assert.Contains(expected, r => r[4] is decimal);
        await AssertRowsAsync(Tiles + "charge_amounts_by_day.sql", expected, On(day));
    }
}
