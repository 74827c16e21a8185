using StripeModelGen.Execution.Datasets;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;
using static StripeModelGen.Integration.Tests.Shipped.ExecutiveSummaryTests;
using static StripeModelGen.Integration.Tests.Shipped.ShippedRows;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// Every tile of the Finance Operations dashboard against the oracle. Its period ("last 90 days")
/// filters charges.created_date, and the tiles that listen to it on invoices filter
/// invoices.paid_at_date or invoices.created_date, the time to payment by week the weeks' first days
/// (invoice_payment_week_changes.paid_week_date); today is pinned to each of <see cref="ShippedTests.PinnedDays"/>.
/// Time to payment is the whole days (hours) from finalisation to payment, truncated.
/// </summary>
public sealed class FinanceOperationsTests(PostgresFixture fixture) : ShippedTests(fixture)
{
    private const string Tiles = "tiles/finance_operations/";

    private List<ChargeRow> Period(string day) => [.. Data.Charges.Where(c => InLast(c.Created, ParseDay(day), 90))];

    private static decimal? DaysToPayment(InvoiceRow invoice) => Whole(invoice.StatusTransitionsFinalizedAt, invoice.StatusTransitionsPaidAt, 86_400);

    private static decimal? HoursToPayment(InvoiceRow invoice) => Whole(invoice.StatusTransitionsFinalizedAt, invoice.StatusTransitionsPaidAt, 3_600);

    private List<InvoiceRow> PaidInPeriod(string day) =>
        [.. Data.Invoices.Where(i => i.StatusTransitionsPaidAt is { } paid && InLast(paid, ParseDay(day), 90))];

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Failed_charges_count_and_amount_per_currency(string day)
    {
        var expected = Sorted(
            Period(day).GroupBy(c => c.Currency).Select(g => Row(g.Key, (long)g.Count(c => c.Status == "failed"), Failed(g))),
            Asc(0));
        Assert.Contains(expected, r => (long)r[1]! > 1);
        await AssertRowsAsync(Tiles + "failed_charges.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Charge_count_of_the_period(string day)
    {
        var expected = new[] { Row((long)Period(day).Count) };
        Assert.NotEqual(0L, expected[0][0]);
        await AssertRowsAsync(Tiles + "charge_count.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Refunded_charge_count_counts_full_and_partial_refunds(string day)
    {
        var expected = new[] { Row((long)Period(day).Count(c => c.AmountRefunded > 0)) };
        Assert.NotEqual(0L, expected[0][0]);
        await AssertRowsAsync(Tiles + "refunded_charge_count.sql", expected, On(day));
    }

    [Fact]
    public async Task Delinquent_customers()
    {
        var expected = new[] { Row((long)Data.Customers.Count(c => c.Delinquent)) };
        Assert.NotEqual(0L, expected[0][0]);
        await AssertRowsAsync(Tiles + "delinquent_customers.sql", expected);
    }

    [Fact]
    public async Task Customers_with_unpaid_invoices_are_counted_once()
    {
        var open = Data.Invoices.Where(i => i.Status == "open").ToList();
        var expected = new[] { Row((long)open.Select(i => i.CustomerId).Distinct().Count()) };
        Assert.True((long)expected[0][0]! < open.Count); // some customer has two open invoices
        await AssertRowsAsync(Tiles + "customers_with_unpaid_invoices_count.sql", expected);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Gross_refunded_and_net_charges_per_currency(string day)
    {
        var expected = Sorted(Period(day).GroupBy(c => c.Currency).Select(g => Row(g.Key, Gross(g), Refunded(g), Net(g))), Asc(0));
        Assert.Contains(expected, r => r[2] is decimal refunded && refunded > 0);
        await AssertRowsAsync(Tiles + "gross_and_net_charges.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Average_days_to_payment_of_the_invoices_paid_in_the_period(string day)
    {
        var paid = PaidInPeriod(day);
        var expected = new[] { Row(AverageOrNull(paid.Select(DaysToPayment).OfType<decimal>())) };
        Assert.Contains(paid, i => DaysToPayment(i) > 0);
        await AssertRowsAsync(Tiles + "average_days_to_payment.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Failure_reasons_of_the_period_most_frequent_first(string day)
    {
        var expected = Sorted(
            Period(day).Where(c => c.Status == "failed" && c.FailureCode is not null).GroupBy(c => c.FailureCode).Select(g => Row(g.Key, (long)g.Count())),
            Desc(1), Asc(0));
        Assert.True(expected.Count >= 2);
        await AssertRowsAsync(Tiles + "failure_reasons.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Invoice_attempt_counts_of_the_attempted_invoices_created_in_the_period(string day)
    {
        var expected = Sorted(
            Data.Invoices.Where(i => i.Attempted && InLast(i.Date, ParseDay(day), 90)).GroupBy(i => i.AttemptCount).Select(g => Row(g.Key, (long)g.Count())),
            Asc(0));
        Assert.True(expected.Count >= 2);
        await AssertRowsAsync(Tiles + "invoice_attempts.sql", expected, On(day));
    }

    [Fact]
    public async Task Customers_with_unpaid_invoices_largest_amount_due_first()
    {
        var customers = Data.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var expected = Sorted(
                Data.Invoices.Where(i => i.Status == "open")
                    .GroupBy(i => (Customer: customers.GetValueOrDefault(i.CustomerId), i.Currency))
                    .Select(g => Row(g.Key.Customer?.Id, g.Key.Customer?.Email, g.Key.Currency, (long)g.Count(), SumOrNull(g.Select(i => Major(i.AmountDue, i.Currency))))),
                Desc(4), Asc(0), Asc(1), Asc(2))
            .Take(50)
            .ToList();
        Assert.Contains(expected, r => (long)r[3]! > 1);
        await AssertRowsAsync(Tiles + "customers_with_unpaid_invoices.sql", expected);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Top_customers_by_net_spend_of_the_period(string day)
    {
        var expected = TopCustomers(Data, Period(day));
        Assert.Equal(10, expected.Count);
        await AssertRowsAsync(Tiles + "top_customers.sql", expected, On(day));
    }

    /// <summary>The ten (customer, currency) groups of the charges with a customer with the most net charges.</summary>
    internal static List<object?[]> TopCustomers(SampleDataset data, IEnumerable<ChargeRow> charges)
    {
        var customers = data.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        return Sorted(
                charges.Where(c => c.CustomerId is not null)
                    .GroupBy(c => (Customer: customers.GetValueOrDefault(c.CustomerId!), c.Currency))
                    .Select(g => Row(g.Key.Customer?.Id, g.Key.Customer?.Email, g.Key.Currency, Net(g), (long)g.Count(c => c.Status == "succeeded"))),
                Desc(3), Asc(0), Asc(1), Asc(2))
            .Take(10)
            .ToList();
    }

    /// <summary>
    /// One week (Monday start) of finalised invoices paid in it, over the whole dataset: the invoices paid,
    /// the average and median whole days and the average whole hours from finalisation to payment, and the
    /// previous week with payments' average days (null for the first week).
    /// </summary>
    private sealed record PaymentWeek(DateOnly Week, long Count, decimal Days, decimal Median, decimal Hours, decimal? PreviousDays, decimal? PreviousHours)
    {
        public decimal? Change => PreviousDays is { } previous ? Days - previous : null;
    }

    private List<PaymentWeek> PaymentWeeks()
    {
        var weeks = Data.Invoices.Where(i => i.StatusTransitionsPaidAt is not null && i.StatusTransitionsFinalizedAt is not null)
            .GroupBy(i => Week(i.StatusTransitionsPaidAt!.Value))
            .OrderBy(g => g.Key)
            .Select(g => (
                Week: g.Key,
                Count: (long)g.Count(),
                Days: AverageOrNull(g.Select(DaysToPayment).OfType<decimal>())!.Value,
                Median: PercentileOrNull(g.Select(DaysToPayment).OfType<decimal>(), 0.5m)!.Value,
                Hours: AverageOrNull(g.Select(HoursToPayment).OfType<decimal>())!.Value))
            .ToList();
        return [.. weeks.Select((w, n) => new PaymentWeek(
            w.Week, w.Count, w.Days, w.Median, w.Hours, n == 0 ? null : weeks[n - 1].Days, n == 0 ? null : weeks[n - 1].Hours))];
    }

    /// <summary>
    /// The weeks that start in the period ("last 90 days"), each over all its invoices, with its change from
    /// the previous week with payments, which for the first shown week started before the period.
    /// </summary>
    [Theory]
    [MemberData(nameof(Days))]
    public async Task Time_to_payment_by_week_of_payment_with_the_week_over_week_change(string day)
    {
        var today = ParseDay(day);
        var weeks = PaymentWeeks();
        var shown = weeks.Where(w => w.Week >= today.AddDays(-89) && w.Week <= today).ToList();
        var expected = shown.Select(w => Row(w.Week, w.Count, w.Days, w.Median, w.Hours, w.Change)).ToList();

        Assert.True(expected.Count >= 10);
        Assert.Contains(expected, r => (decimal)r[2]! > 0 && (decimal)r[2]! != decimal.Truncate((decimal)r[2]!));
        Assert.Contains(shown, w => w.Change < 0);
        Assert.Contains(shown, w => w.Change > 0);
        // The first shown week compares with a week outside the period, which the tile does not show.
        var before = weeks[weeks.IndexOf(shown[0]) - 1];
        Assert.True(before.Week < today.AddDays(-89));
        Assert.Equal(shown[0].Days - before.Days, shown[0].Change);
        await AssertRowsAsync(Tiles + "time_to_payment_by_week.sql", expected, On(day));
    }

    /// <summary>
    /// The defining query of a compiled view (<c>CREATE OR REPLACE VIEW "name" AS query;</c>), ordered by
    /// its first column, to run without creating the view.
    /// </summary>
    internal static string ViewQuery(string path, string source = ShippedModel.Sigma)
    {
        var artifact = ShippedModel.Artifact(path, source);
        var header = $"CREATE OR REPLACE VIEW \"{artifact.Name}\" AS\n";
        Assert.Contains(header, artifact.Sql, StringComparison.Ordinal);
        var query = artifact.Sql[(artifact.Sql.IndexOf(header, StringComparison.Ordinal) + header.Length)..].TrimEnd().TrimEnd(';');
        return $"SELECT * FROM (\n{query}\n) AS \"view\"\nORDER BY 1;";
    }

    /// <summary>
    /// The derived view with the week-over-week change of the time to payment, which the tile above reads
    /// through its explore: every week with payments, each compared with the previous one.
    /// </summary>
    [Fact]
    public async Task The_week_over_week_change_of_time_to_payment_in_the_derived_view()
    {
        var weeks = PaymentWeeks();
        var expected = weeks.Select(w => Row(
            w.Week, w.Count, w.Days, w.Median, w.Hours, w.PreviousDays, w.Change,
            w.PreviousDays is { } previous && previous != 0 ? w.Change / previous : null,
            w.PreviousHours is { } hours ? w.Hours - hours : null)).ToList();
        Assert.True(expected.Count > 50);
        Assert.Contains(weeks, w => w.Change < 0);
        Assert.Contains(weeks, w => w.Change > 0);
        Assert.Contains(weeks, w => w.Median != w.Days);

        var result = await Db.QueryAsync((await Fixture.GetDatabaseAsync()).ConnectionString, ViewQuery("views/invoice_payment_week_changes.sql"));
        Assert.Equal(ShippedModel.Artifact("views/invoice_payment_week_changes.sql").Columns.Select(c => c.Name), result.Columns.Select(c => c.Name));
        ShippedRows.Equal(Lines(expected), Lines(result), "views/invoice_payment_week_changes.sql");
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Successful_failed_and_refunded_charges_by_week(string day)
    {
        var expected = Sorted(
            Period(day).GroupBy(c => Week(c.Created)).Select(g => Row(
                g.Key,
                (long)g.Count(c => c.Status == "succeeded"),
                (long)g.Count(c => c.Status == "failed"),
                (long)g.Count(c => c.AmountRefunded > 0))),
            Asc(0));
        Assert.True(expected.Count >= 13);
        await AssertRowsAsync(Tiles + "charges_by_week.sql", expected, On(day));
    }
}
