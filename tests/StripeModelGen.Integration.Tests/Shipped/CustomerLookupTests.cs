using StripeModelGen.Execution.Datasets;
using StripeModelGen.Integration.Tests.Postgres;
using static StripeModelGen.Integration.Tests.Shipped.ExecutiveSummaryTests;
using static StripeModelGen.Integration.Tests.Shipped.ShippedRows;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// Every tile of the Customer Lookup dashboard against the oracle, with <c>@customer</c> bound to each
/// of <see cref="LookupSubjects.Customers"/>: the main one (invoices with an open one, refunds and
/// failed charges, a subscription), then a customer with a balance, one with a partial refund and an
/// uncaptured charge, one with several subscriptions, one without a currency, zero- and
/// three-decimal currencies, and an id that does not exist.
/// </summary>
public sealed class CustomerLookupTests(PostgresFixture fixture) : ShippedTests(fixture)
{
    private const string Tiles = "tiles/customer_lookup/";

    private LookupSubjects Subjects => LookupSubjects.For(Data);

    private static ShippedRun For(string customer) => With("customer", customer);

    private List<ChargeRow> Charges(string customer) => [.. Data.Charges.Where(c => c.CustomerId == customer)];

    private List<InvoiceRow> Invoices(string customer) => [.. Data.Invoices.Where(i => i.CustomerId == customer)];

    private async Task ForEachCustomerAsync(string tile, Func<string, List<object?[]>> expected)
    {
        foreach (var customer in Subjects.Customers)
            await AssertRowsAsync(Tiles + tile, expected(customer), For(customer), allowEmpty: customer != Subjects.MainCustomer);
    }

    [Fact]
    public void The_main_customer_has_what_the_dashboard_shows()
    {
        var customer = Subjects.MainCustomer;
        Assert.Contains(Invoices(customer), i => i.Status == "open");
        Assert.Contains(Invoices(customer), i => i.Status == "paid");
        Assert.Contains(Charges(customer), c => c.AmountRefunded > 0);
        Assert.Contains(Charges(customer), c => c.Status == "failed");
        Assert.Contains(Data.Subscriptions, s => s.CustomerId == customer);
        Assert.DoesNotContain(Data.Customers, c => c.Id == LookupSubjects.MissingCustomer);
    }

    [Fact]
    public Task Customer_details() => ForEachCustomerAsync("customer_details.sql", customer =>
        [.. Data.Customers.Where(c => c.Id == customer).Select(c => Row(c.Id, c.Email, c.Description, Day(c.Created), c.Currency, Major(c.Balance, c.Currency), c.Delinquent))]);

    [Fact]
    public Task Charge_totals_per_currency() => ForEachCustomerAsync("charge_totals.sql", customer =>
        Sorted(Charges(customer).GroupBy(c => c.Currency).Select(g => Row(g.Key, Gross(g), Refunded(g), Net(g), Failed(g))), Asc(0)));

    [Fact]
    public Task Charge_counts() => ForEachCustomerAsync("charge_counts.sql", customer => [Counts(Charges(customer))]);

    [Fact]
    public Task Outstanding_balance_is_the_amount_remaining_on_open_invoices_per_currency() => ForEachCustomerAsync("outstanding_balance.sql", customer =>
        Sorted(
            Invoices(customer).GroupBy(i => i.Currency).Select(g => Row(
                g.Key,
                (long)g.Count(i => i.Status == "open"),
                SumOrNull(g.Where(i => i.Status == "open").Select(i => Major(i.AmountRemaining, i.Currency))))),
            Asc(0)));

    [Fact]
    public Task Invoice_history_newest_first() => ForEachCustomerAsync("invoice_history.sql", customer =>
        Sorted(
            Invoices(customer).Select(i => Row(
                i.Id, i.Number, Day(i.Date), i.Status, i.Currency, Major(i.Total, i.Currency), Major(i.AmountPaid, i.Currency),
                Major(i.AmountRemaining, i.Currency), i.AttemptCount, Day(i.StatusTransitionsPaidAt))),
            Desc(2), Asc(0), Asc(1), Asc(3), Asc(4), Asc(5), Asc(6), Asc(7), Asc(8), Asc(9)));

    [Fact]
    public Task Net_charges_and_charge_count_by_month_and_currency() => ForEachCustomerAsync("charges_over_time.sql", customer =>
        Sorted(
            Charges(customer).GroupBy(c => (Month: Month(c.Created), c.Currency)).Select(g => Row(g.Key.Month, g.Key.Currency, Net(g), (long)g.Count())),
            Asc(0), Asc(1)));

    [Fact]
    public Task Subscriptions_newest_first() => ForEachCustomerAsync("subscriptions.sql", customer =>
        Sorted(
            Distinct(Data.Subscriptions.Where(s => s.CustomerId == customer).Select(s => Row(
                s.Id, s.Status, Day(s.Created), Day(s.CurrentPeriodEnd), s.CancelAtPeriodEnd, Day(s.CanceledAt)))),
            Desc(2), Asc(0), Asc(1), Asc(3), Asc(4), Asc(5)));
}
