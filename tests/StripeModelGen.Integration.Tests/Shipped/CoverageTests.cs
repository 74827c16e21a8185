namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// What this folder covers: every tile and saved query of the shipped model (MRR aside) has an oracle
/// test, and every source compiles exactly the ones whose tables and columns it has, saying so (SMG3005) for the others.
/// </summary>
public sealed class CoverageTests
{
    /// <summary>The artifacts checked against the oracle, by the test class that checks them.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Oracles = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [nameof(ExecutiveSummaryTests)] =
        [
            "tiles/executive_summary/charge_amounts_by_day.sql", "tiles/executive_summary/charge_counts.sql", "tiles/executive_summary/charge_status.sql",
            "tiles/executive_summary/charges_by_day.sql", "tiles/executive_summary/delinquent_customers.sql", "tiles/executive_summary/gross_charges.sql",
            "tiles/executive_summary/net_charges.sql", "tiles/executive_summary/new_customers.sql", "tiles/executive_summary/refunded_charges.sql",
            "tiles/executive_summary/success_rate_this_month.sql", "tiles/executive_summary/unpaid_invoice_amount.sql", "tiles/executive_summary/unpaid_invoice_count.sql",
        ],
        [nameof(FinanceOperationsTests)] =
        [
            "tiles/finance_operations/average_days_to_payment.sql", "tiles/finance_operations/charge_count.sql", "tiles/finance_operations/charges_by_week.sql",
            "tiles/finance_operations/customers_with_unpaid_invoices.sql", "tiles/finance_operations/customers_with_unpaid_invoices_count.sql",
            "tiles/finance_operations/delinquent_customers.sql", "tiles/finance_operations/failed_charges.sql", "tiles/finance_operations/failure_reasons.sql",
            "tiles/finance_operations/gross_and_net_charges.sql", "tiles/finance_operations/invoice_attempts.sql", "tiles/finance_operations/refunded_charge_count.sql",
            "tiles/finance_operations/time_to_payment_by_week.sql", "tiles/finance_operations/top_customers.sql",
        ],
        [nameof(CustomerLookupTests)] =
        [
            "tiles/customer_lookup/charge_counts.sql", "tiles/customer_lookup/charge_totals.sql", "tiles/customer_lookup/charges_over_time.sql",
            "tiles/customer_lookup/customer_details.sql", "tiles/customer_lookup/invoice_history.sql", "tiles/customer_lookup/outstanding_balance.sql",
            "tiles/customer_lookup/subscriptions.sql",
        ],
        [nameof(InvoiceLookupTests)] =
        [
            "tiles/invoice_lookup/charge_totals.sql", "tiles/invoice_lookup/invoice_amounts.sql", "tiles/invoice_lookup/invoice_charges.sql",
            "tiles/invoice_lookup/invoice_details.sql", "tiles/invoice_lookup/line_item_discounts.sql", "tiles/invoice_lookup/line_items.sql",
        ],
        [nameof(BillingUsageTests)] =
        [
            "tiles/billing_usage/active_meter_count.sql", "tiles/billing_usage/active_meters.sql", "tiles/billing_usage/invalid_event_count.sql",
            "tiles/billing_usage/invalid_events_by_error.sql", "tiles/billing_usage/metered_customer_count.sql", "tiles/billing_usage/meters_with_usage_count.sql",
            "tiles/billing_usage/top_customers_by_usage.sql", "tiles/billing_usage/usage_by_day.sql",
        ],
        [nameof(SavedQueryTests)] =
        [
            "queries/active_billing_meters.sql", "queries/active_subscription_products.sql", "queries/customer_hourly_meter_usage.sql",
            "queries/customer_invalid_meter_events.sql", "queries/invalid_coupons.sql", "queries/invoice_discounts.sql", "queries/promotion_codes_redeemed.sql",
            "queries/subscription_discounts.sql", "queries/subscription_invoices.sql", "queries/subscription_price_tiers.sql", "queries/top_customers_by_net_charges.sql",
            "queries/trialing_subscriptions.sql", "queries/unpaid_subscriptions.sql",
        ],
    };

    /// <summary>The tiles and queries a source cannot run, by the table or column it lacks (the sources' <c>missing:</c> lists and descriptions in models/stripe/sources).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Unavailable = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["segment"] =
        [
            // billing meters and their usage
            "tiles/billing_usage/active_meter_count.sql", "tiles/billing_usage/active_meters.sql", "tiles/billing_usage/invalid_event_count.sql",
            "tiles/billing_usage/invalid_events_by_error.sql", "tiles/billing_usage/metered_customer_count.sql", "tiles/billing_usage/meters_with_usage_count.sql",
            "tiles/billing_usage/top_customers_by_usage.sql", "tiles/billing_usage/usage_by_day.sql",
            "queries/active_billing_meters.sql", "queries/customer_hourly_meter_usage.sql", "queries/customer_invalid_meter_events.sql",
            // line item discount amounts
            "tiles/invoice_lookup/line_item_discounts.sql", "queries/invoice_discounts.sql",
            // prices (and price tiers), promotion codes
            "queries/subscription_price_tiers.sql", "queries/promotion_codes_redeemed.sql",
            // columns: invoice_lines has no price id, products no statement descriptor, subscriptions no discounts list
            "tiles/invoice_lookup/line_items.sql", "queries/active_subscription_products.sql", "queries/subscription_discounts.sql",
        ],
        ["fivetran"] =
        [
            "tiles/billing_usage/active_meter_count.sql", "tiles/billing_usage/active_meters.sql", "tiles/billing_usage/invalid_event_count.sql",
            "tiles/billing_usage/invalid_events_by_error.sql", "tiles/billing_usage/metered_customer_count.sql", "tiles/billing_usage/meters_with_usage_count.sql",
            "tiles/billing_usage/top_customers_by_usage.sql", "tiles/billing_usage/usage_by_day.sql",
            "queries/active_billing_meters.sql", "queries/customer_hourly_meter_usage.sql", "queries/customer_invalid_meter_events.sql",
            "tiles/invoice_lookup/line_item_discounts.sql", "queries/invoice_discounts.sql",
            "queries/subscription_price_tiers.sql", "queries/promotion_codes_redeemed.sql",
            // columns: subscription_history has no price id or discounts list
            "queries/trialing_subscriptions.sql", "queries/subscription_discounts.sql",
        ],
    };

    [Fact]
    public void Every_tile_and_saved_query_but_mrr_has_an_oracle_test()
    {
        var compiled = ShippedModel.TilesAndQueries().Select(a => a.Path).Order(StringComparer.Ordinal);
        var covered = Oracles.Values.SelectMany(p => p).Order(StringComparer.Ordinal);
        Assert.Equal(compiled, covered);
    }

    public static TheoryData<string> Sources() => new(ShippedModel.OtherSources);

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_source_compiles_every_tile_and_query_whose_tables_and_columns_it_has_and_warns_for_the_others(string source)
    {
        var sigma = ShippedModel.TilesAndQueries().ToList();
        var compiled = ShippedModel.TilesAndQueries(source).Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        var missing = sigma.Where(a => !compiled.Contains(a.Path)).ToList();
        Assert.Equal(Unavailable[source].Order(StringComparer.Ordinal), missing.Select(a => a.Path).Order(StringComparer.Ordinal));
        var warned = ShippedModel.Diagnostics(source).Where(d => d.Id == "SMG3005").Select(d => d.Message).ToList();
        Assert.All(missing, a => Assert.Contains(warned, m => m.Contains($"`{a.Name}` is not available for source `{source}`", StringComparison.Ordinal)));
        Assert.True(compiled.Count >= 30, $"{source} compiles only {compiled.Count} tiles and queries");
    }
}
