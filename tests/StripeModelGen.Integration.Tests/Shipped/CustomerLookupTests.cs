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
/// three-decimal currencies, and an id that does not exist; then to each of
/// <see cref="LookupSubjects.CustomerEmails"/>, emails typed in another case than the one stored (one
/// several customers share) and one no customer has. The filter's value matches a row when it is the
/// row's customer id, or, ignoring case, the email of the row's customer.
/// </summary>
public sealed class CustomerLookupTests(PostgresFixture fixture) : ShippedTests(fixture)
{
    private const string Tiles = "tiles/customer_lookup/";

    private LookupSubjects Subjects => LookupSubjects.For(Data);

    private static ShippedRun For(string customer) => With("customer", customer);

    private Dictionary<string, string?>? _emails;

    private Dictionary<string, string?> Emails => _emails ??= Data.Customers.ToDictionary(c => c.Id, c => c.Email, StringComparer.Ordinal);

    /// <summary>Whether the filter value <paramref name="value"/> picks a row of the customer with this id: its id, or its email in any case.</summary>
    private bool Picks(string? customerId, string value) =>
        customerId == value
        || (customerId is not null && Emails.GetValueOrDefault(customerId) is { } email
            && string.Equals(email.ToLowerInvariant(), value.ToLowerInvariant(), StringComparison.Ordinal));

    private List<CustomerRow> Customers(string value) => [.. Data.Customers.Where(c => Picks(c.Id, value))];

    private List<ChargeRow> Charges(string value) => [.. Data.Charges.Where(c => Picks(c.CustomerId, value))];

    private List<InvoiceRow> Invoices(string value) => [.. Data.Invoices.Where(i => Picks(i.CustomerId, value))];

    private async Task ForEachCustomerAsync(string tile, Func<string, List<object?[]>> expected)
    {
        foreach (var value in Subjects.CustomerLookups)
            await AssertRowsAsync(Tiles + tile, expected(value), For(value), allowEmpty: value != Subjects.MainCustomer && value != Subjects.MainCustomerEmail);
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
    public void The_emails_are_typed_in_another_case_than_stored_and_one_is_shared()
    {
        var emails = Subjects.CustomerEmails;
        Assert.All(emails.SkipLast(1), email =>
        {
            var customers = Customers(email);
            Assert.NotEmpty(customers);
            Assert.All(customers, c => Assert.NotEqual(c.Email, email));
        });
        Assert.Contains(Data.Customers, c => c.Email is { } stored && stored != stored.ToLowerInvariant() && Picks(c.Id, emails[1]));
        Assert.True(Customers(emails[2]).Count >= 2);
        Assert.Empty(Customers(LookupSubjects.MissingCustomerEmail));
        var main = Subjects.MainCustomerEmail;
        Assert.Contains(Invoices(main), i => i.Status == "open");
        Assert.Contains(Charges(main), c => c.AmountRefunded > 0);
        Assert.Contains(Charges(main), c => c.Status == "failed");
        Assert.Contains(Data.Subscriptions, s => Picks(s.CustomerId, main));
    }

    [Fact]
    public Task Customer_details() => ForEachCustomerAsync("customer_details.sql", customer =>
        Sorted(Customers(customer).Select(c => Row(c.Id, c.Email, c.Description, Day(c.Created), c.Currency, Major(c.Balance, c.Currency), c.Delinquent)), Asc(0)));

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
            Distinct(Data.Subscriptions.Where(s => Picks(s.CustomerId, customer)).Select(s => Row(
                s.Id, s.Status, Day(s.Created), Day(s.CurrentPeriodEnd), s.CancelAtPeriodEnd, Day(s.CanceledAt)))),
            Desc(2), Asc(0), Asc(1), Asc(3), Asc(4), Asc(5)));
}
