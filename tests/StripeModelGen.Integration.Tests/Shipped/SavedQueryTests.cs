using System.Globalization;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Integration.Tests.Postgres;
using static StripeModelGen.Integration.Tests.Shipped.ShippedRows;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// Every saved query of the shipped model against the oracle. Three of Stripe's examples name one
/// subscription or customer of Stripe's page (sub_ALJXL9gBYtv6GJ, cus_EDQkYj7P2Jf3sJ1) that the
/// generated data does not have: each runs as compiled (no rows), then with that id, and for the meter
/// usage the day, replaced in the SQL text by ones of the dataset chosen so the filters select rows.
/// </summary>
public sealed class SavedQueryTests(PostgresFixture fixture) : ShippedTests(fixture)
{
    private const string Queries = "queries/";

    private const string ExampleSubscription = "sub_ALJXL9gBYtv6GJ";

    private const string ExampleCustomer = "cus_EDQkYj7P2Jf3sJ1";

    private const string ExampleDay = "2025-02-01";

    private Dictionary<string, CustomerRow> Customers => Data.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);

    private static ShippedRun Replacing(params (string Literal, string Replacement, int Occurrences)[] replacements) => new(Replacements: replacements);

    [Fact]
    public async Task Unpaid_subscriptions_with_their_customer_s_email()
    {
        var customers = Customers;
        var expected = Sorted(
                Data.Subscriptions.Where(s => s.Status == "unpaid").Select(s => Row(s.Id, s.CustomerId, customers.GetValueOrDefault(s.CustomerId)?.Email)),
                Asc(0), Asc(1), Asc(2))
            .Take(5)
            .ToList();
        Assert.Equal(5, expected.Count);
        Assert.True(Data.Subscriptions.Count(s => s.Status == "unpaid") > 5);
        await AssertRowsAsync(Queries + "unpaid_subscriptions.sql", expected);
    }

    [Fact]
    public async Task Trialing_subscriptions_with_customer_and_price()
    {
        var customers = Customers;
        var expected = Sorted(
                Distinct(Data.Subscriptions.Where(s => s.Status == "trialing" && customers.ContainsKey(s.CustomerId))
                    .Select(s => Row(s.CustomerId, customers[s.CustomerId].Email, s.PriceId))),
                Asc(0), Asc(1), Asc(2))
            .Take(5)
            .ToList();
        Assert.Equal(5, expected.Count);
        await AssertRowsAsync(Queries + "trialing_subscriptions.sql", expected);
    }

    [Fact]
    public async Task Active_subscriptions_with_product_name_and_statement_descriptor()
    {
        var products = Data.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var items = Data.SubscriptionItems.ToLookup(i => i.SubscriptionId, StringComparer.Ordinal);
        var expected = SortedByAll(Distinct(
            from subscription in Data.Subscriptions
            where subscription.Status == "active"
            from item in items[subscription.Id]
            let productId = item.PriceProductId ?? item.PlanProductId
            where products.ContainsKey(productId)
            let product = products[productId]
            select Row(subscription.Id, item.Id, item.PriceId, product.Name, product.StatementDescriptor)));
        Assert.NotEmpty(expected);
        Assert.True(expected.Select(r => r[0]).Distinct().Count() < expected.Count); // a subscription with several items
        await AssertRowsAsync(Queries + "active_subscription_products.sql", expected);
    }

    [Fact]
    public async Task The_tiers_of_subscription_items_tiered_prices_in_major_units()
    {
        var prices = Data.Prices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var tiers = Data.PriceTiers.ToLookup(t => t.PriceId, StringComparer.Ordinal);
        var subscriptions = Data.Subscriptions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var expected = SortedByAll(Distinct(
            from item in Data.SubscriptionItems
            where subscriptions.Contains(item.SubscriptionId) && prices.ContainsKey(item.PriceId)
            let price = prices[item.PriceId]
            from tier in tiers[price.Id]
            select Row(item.SubscriptionId, item.PriceId, tier.Upto, Major(tier.Amount, price.Currency), price.Currency)));
        Assert.Contains(expected, r => r[2] is null); // the final, unbounded tier sorts last
        Assert.Contains(expected, r => r[3] is decimal amount && amount != decimal.Truncate(amount)); // a fractional major amount
        await AssertRowsAsync(Queries + "subscription_price_tiers.sql", expected);
    }

    /// <summary>The subscription with the most invoices, among those with an invoice without a charge (paid by credit balance, or a draft).</summary>
    internal static string BusiestSubscription(SampleDataset data) => data.Invoices.Where(i => i.SubscriptionId is not null).GroupBy(i => i.SubscriptionId!)
        .OrderByDescending(g => g.Any(i => i.ChargeId is null)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .First().Key;

    internal static ShippedRun ForSubscription(string subscription) => Replacing(($"'{ExampleSubscription}'", $"'{subscription}'", 1));

    private List<object?[]> SubscriptionInvoices(string subscription) => SortedByAll(
        Data.Invoices.Where(i => i.SubscriptionId == subscription).Select(i => Row(i.Id, i.ChargeId, i.Currency, Major(i.AmountDue, i.Currency))));

    [Fact]
    public async Task Subscription_invoices_of_stripe_s_example_subscription_are_none_here()
    {
        Assert.DoesNotContain(Data.Subscriptions, s => s.Id == ExampleSubscription);
        await AssertRowsAsync(Queries + "subscription_invoices.sql", SubscriptionInvoices(ExampleSubscription), allowEmpty: true);
    }

    [Fact]
    public async Task Subscription_invoices_of_a_subscription_of_the_dataset()
    {
        var subscription = BusiestSubscription(Data);
        var expected = SubscriptionInvoices(subscription);
        Assert.True(expected.Count >= 3);
        await AssertRowsAsync(Queries + "subscription_invoices.sql", expected, ForSubscription(subscription));
    }

    [Fact]
    public async Task Invoice_discounts_are_the_sums_of_line_discount_amounts()
    {
        var invoices = Data.Invoices.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var lines = Data.InvoiceLineItems.Select(l => (l.InvoiceId, l.Id)).ToHashSet();
        var expected = SortedByAll(
            Data.InvoiceLineItemDiscountAmounts.Where(d => invoices.ContainsKey(d.InvoiceId) && lines.Contains((d.InvoiceId, d.InvoiceLineItemId)))
                .GroupBy(d => invoices[d.InvoiceId])
                .Select(g => Row(g.Key.Id, g.Key.PeriodStart, g.Key.PeriodEnd, g.Key.Currency, SumOrNull(g.Select(d => Major(d.Amount, g.Key.Currency))))));
        Assert.True(expected.Count > 10);
        Assert.Contains(expected, r => (string)r[3]! != "usd");
        await AssertRowsAsync(Queries + "invoice_discounts.sql", expected);
    }

    [Fact]
    public async Task Active_live_mode_billing_meters()
    {
        var expected = SortedByAll(
            Data.BillingMeters.Where(m => m.Status == "ACTIVE" && m.Livemode).Select(m => Row(m.Id, m.Status, m.DisplayName, m.DefaultAggregationFormula)));
        Assert.True(expected.Count >= 2);
        await AssertRowsAsync(Queries + "active_billing_meters.sql", expected);
    }

    private List<object?[]> HourlyUsage(string customer, DateOnly day)
    {
        var meters = Data.BillingMeters.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var from = day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        var until = day.ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc);
        return Sorted(
            Data.BillingMeterEventSummaries
                .Where(s => s.CustomerId == customer && s.ValueGroupingWindow == "hourly" && s.StartTime >= from && s.StartTime < until)
                .GroupBy(s => meters.GetValueOrDefault(s.MeterId)?.DisplayName)
                .Select(g => Row(g.Key, (decimal)g.Sum(s => s.AggregatedValue))),
            Asc(0));
    }

    [Fact]
    public async Task Customer_hourly_meter_usage_of_stripe_s_example_customer_is_none_here()
    {
        Assert.DoesNotContain(Data.Customers, c => c.Id == ExampleCustomer);
        await AssertRowsAsync(Queries + "customer_hourly_meter_usage.sql", HourlyUsage(ExampleCustomer, DateOnly.Parse(ExampleDay, CultureInfo.InvariantCulture)), allowEmpty: true);
    }

    [Fact]
    public async Task Customer_hourly_meter_usage_between_08_00_and_20_00_of_a_day_of_the_dataset()
    {
        // A customer and day with usage of the 07:00 hour (outside the window) and inside it, on as many meters as possible.
        var (customer, day) = Data.BillingMeterEventSummaries
            .GroupBy(s => (s.CustomerId, Day: Day(s.StartTime)))
            .Where(g => g.Any(s => s.StartTime.Hour < 8) && g.Any(s => s.StartTime.Hour >= 8 && s.StartTime.Hour < 20))
            .OrderByDescending(g => g.Select(s => s.MeterId).Distinct().Count())
            .ThenBy(g => g.Key.CustomerId, StringComparer.Ordinal).ThenBy(g => g.Key.Day)
            .Select(g => g.Key)
            .First();
        var expected = HourlyUsage(customer, day);
        Assert.NotEmpty(expected);
        Assert.Contains(Data.BillingMeterEventSummaries, s => s.CustomerId == customer && Day(s.StartTime) != day);
        var run = Replacing(
            ($"'{ExampleCustomer}'", $"'{customer}'", 1),
            ($"TIMESTAMP '{ExampleDay} ", string.Create(CultureInfo.InvariantCulture, $"TIMESTAMP '{day:yyyy-MM-dd} "), 2));
        await AssertRowsAsync(Queries + "customer_hourly_meter_usage.sql", expected, run);
    }

    private List<object?[]> InvalidMeterEvents(string customer)
    {
        var events = Data.BillingMeterInvalidEventPayloads
            .Where(p => p.Key == "stripe_customer_id" && p.Value == customer)
            .Select(p => p.EventId)
            .ToHashSet(StringComparer.Ordinal);
        return SortedByAll(Distinct(Data.BillingMeterInvalidEvents.Where(e => events.Contains(e.Id)).Select(e => Row(e.Id, e.ErrorCode, e.ErrorMessage))));
    }

    [Fact]
    public async Task Customer_invalid_meter_events_of_stripe_s_example_customer_are_none_here() =>
        await AssertRowsAsync(Queries + "customer_invalid_meter_events.sql", InvalidMeterEvents(ExampleCustomer), allowEmpty: true);

    [Fact]
    public async Task Customer_invalid_meter_events_found_through_the_payload()
    {
        var customer = Data.BillingMeterInvalidEventPayloads
            .Where(p => p.Key == "stripe_customer_id" && Data.Customers.Any(c => c.Id == p.Value))
            .GroupBy(p => p.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        var expected = InvalidMeterEvents(customer);
        Assert.True(expected.Count >= 2);
        await AssertRowsAsync(Queries + "customer_invalid_meter_events.sql", expected, Replacing(($"'{ExampleCustomer}'", $"'{customer}'", 1)));
    }

    [Fact]
    public async Task Invalid_coupons_with_amount_or_percent_off()
    {
        var expected = SortedByAll(
                Data.Coupons.Where(c => !c.Valid).Select(c => Row(c.Id, c.Currency, Major(c.AmountOff, c.Currency), c.PercentOff)))
            .Take(5)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Contains(Data.Coupons, c => c.Valid);
        await AssertRowsAsync(Queries + "invalid_coupons.sql", expected);
    }

    [Fact]
    public async Task Subscriptions_with_each_listed_discount_and_its_coupon()
    {
        var discounts = Data.Discounts.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var coupons = Data.Coupons.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var all = Distinct(Data.Subscriptions
                .SelectMany(s => (s.Discounts ?? "").Split(',').Select(id => id.Trim()).Where(id => id.Length > 0).Select(id => (Subscription: s, DiscountId: id)))
                .Where(x => discounts.TryGetValue(x.DiscountId, out var d) && coupons.Contains(d.CouponId))
                .Select(x => Row(x.Subscription.Id, x.Subscription.CustomerId, x.DiscountId, discounts[x.DiscountId].CouponId)))
            .ToList();
        var expected = Sorted(all, Asc(0), Asc(2), Asc(1), Asc(3)).Take(3).ToList();
        Assert.Equal(3, expected.Count);
        Assert.True(all.Count > 3);
        await AssertRowsAsync(Queries + "subscription_discounts.sql", expected);
    }

    [Fact]
    public async Task Promotion_codes_with_times_redeemed()
    {
        var expected = SortedByAll(Data.PromotionCodes.Select(p => Row(p.Id, p.Code, p.TimesRedeemed))).Take(3).ToList();
        Assert.Equal(3, expected.Count);
        Assert.True(Data.PromotionCodes.Count > 3);
        await AssertRowsAsync(Queries + "promotion_codes_redeemed.sql", expected);
    }

    [Fact]
    public async Task Top_customers_by_net_charges_of_all_time()
    {
        var expected = FinanceOperationsTests.TopCustomers(Data, Data.Charges);
        Assert.Equal(10, expected.Count);
        await AssertRowsAsync(Queries + "top_customers_by_net_charges.sql", expected);
    }
}
