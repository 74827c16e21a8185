namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// A generated Stripe dataset in the Sigma schema: plain row records per table, so tests can
/// compute expected values in C# (the oracle) from the same rows that are loaded into a database.
/// </summary>
public sealed class SampleDataset
{
    internal SampleDataset(int seed, int scale, DateTime referenceTime, SampleDatasetTables tables)
    {
        Seed = seed;
        Scale = scale;
        ReferenceTime = referenceTime;
        Accounts = tables.Accounts;
        ExchangeRates = tables.ExchangeRates;
        Products = tables.Products;
        BillingMeters = tables.BillingMeters;
        Prices = tables.Prices;
        PriceTiers = tables.PriceTiers;
        Plans = tables.Plans;
        Coupons = tables.Coupons;
        PromotionCodes = tables.PromotionCodes;
        Customers = tables.Customers;
        Subscriptions = tables.Subscriptions;
        SubscriptionItems = tables.SubscriptionItems;
        Discounts = tables.Discounts;
        Invoices = tables.Invoices;
        InvoiceLineItems = tables.InvoiceLineItems;
        InvoiceItems = tables.InvoiceItems;
        InvoiceLineItemDiscountAmounts = tables.InvoiceLineItemDiscountAmounts;
        Charges = tables.Charges;
        Refunds = tables.Refunds;
        Disputes = tables.Disputes;
        Transfers = tables.Transfers;
        BalanceTransactions = tables.BalanceTransactions;
        SubscriptionItemChangeEvents = tables.SubscriptionItemChangeEvents;
        BillingMeterEventSummaries = tables.BillingMeterEventSummaries;
        BillingMeterInvalidEvents = tables.BillingMeterInvalidEvents;
        BillingMeterInvalidEventPayloads = tables.BillingMeterInvalidEventPayloads;
        Tables =
        [
            SampleTable.Create("accounts", Accounts),
            SampleTable.Create("exchange_rates_from_usd", ExchangeRates, "date"),
            SampleTable.Create("products", Products),
            SampleTable.Create("billing_meters", BillingMeters),
            SampleTable.Create("prices", Prices),
            SampleTable.Create("price_tiers", PriceTiers, "price_id", "upto"),
            SampleTable.Create("plans", Plans),
            SampleTable.Create("coupons", Coupons),
            SampleTable.Create("promotion_codes", PromotionCodes),
            SampleTable.Create("customers", Customers),
            SampleTable.Create("subscriptions", Subscriptions),
            SampleTable.Create("subscription_items", SubscriptionItems),
            SampleTable.Create("discounts", Discounts),
            SampleTable.Create("invoices", Invoices),
            SampleTable.Create("invoice_line_items", InvoiceLineItems, "invoice_id", "id"),
            SampleTable.Create("invoice_items", InvoiceItems),
            SampleTable.Create("invoice_line_item_discount_amounts", InvoiceLineItemDiscountAmounts, "invoice_id", "invoice_line_item_id", "id"),
            SampleTable.Create("charges", Charges),
            SampleTable.Create("refunds", Refunds),
            SampleTable.Create("disputes", Disputes),
            SampleTable.Create("transfers", Transfers),
            SampleTable.Create("balance_transactions", BalanceTransactions),
            SampleTable.Create("subscription_item_change_events", SubscriptionItemChangeEvents, "subscription_item_id", "event_timestamp", "event_type"),
            SampleTable.Create("billing_meter_event_summaries", BillingMeterEventSummaries),
            SampleTable.Create("billing_meter_invalid_events", BillingMeterInvalidEvents),
            SampleTable.Create("billing_meter_invalid_events_payload", BillingMeterInvalidEventPayloads, "event_id", "key"),
        ];
    }

    public int Seed { get; }

    public int Scale { get; }

    /// <summary>The "now" of the dataset (<see cref="SampleData.ReferenceTime"/>): every event happened before it and every status is as of it.</summary>
    public DateTime ReferenceTime { get; }

    /// <summary>One row: the merchant's account (default currency eur, time zone Europe/Berlin).</summary>
    public IReadOnlyList<AccountRow> Accounts { get; }

    public IReadOnlyList<ExchangeRateRow> ExchangeRates { get; }

    public IReadOnlyList<ProductRow> Products { get; }

    public IReadOnlyList<BillingMeterRow> BillingMeters { get; }

    public IReadOnlyList<PriceRow> Prices { get; }

    public IReadOnlyList<PriceTierRow> PriceTiers { get; }

    public IReadOnlyList<PlanRow> Plans { get; }

    public IReadOnlyList<CouponRow> Coupons { get; }

    public IReadOnlyList<PromotionCodeRow> PromotionCodes { get; }

    public IReadOnlyList<CustomerRow> Customers { get; }

    public IReadOnlyList<SubscriptionRow> Subscriptions { get; }

    public IReadOnlyList<SubscriptionItemRow> SubscriptionItems { get; }

    public IReadOnlyList<DiscountRow> Discounts { get; }

    public IReadOnlyList<InvoiceRow> Invoices { get; }

    public IReadOnlyList<InvoiceLineItemRow> InvoiceLineItems { get; }

    public IReadOnlyList<InvoiceItemRow> InvoiceItems { get; }

    public IReadOnlyList<InvoiceLineItemDiscountAmountRow> InvoiceLineItemDiscountAmounts { get; }

    public IReadOnlyList<ChargeRow> Charges { get; }

    public IReadOnlyList<RefundRow> Refunds { get; }

    public IReadOnlyList<DisputeRow> Disputes { get; }

    /// <summary>The account's payouts (Sigma keeps payouts in <c>transfers</c>).</summary>
    public IReadOnlyList<TransferRow> Transfers { get; }

    public IReadOnlyList<BalanceTransactionRow> BalanceTransactions { get; }

    public IReadOnlyList<SubscriptionItemChangeEventRow> SubscriptionItemChangeEvents { get; }

    public IReadOnlyList<BillingMeterEventSummaryRow> BillingMeterEventSummaries { get; }

    public IReadOnlyList<BillingMeterInvalidEventRow> BillingMeterInvalidEvents { get; }

    public IReadOnlyList<BillingMeterInvalidEventPayloadRow> BillingMeterInvalidEventPayloads { get; }

    /// <summary>Every table, catalogue and account tables first, then customers and what hangs off them.</summary>
    public IReadOnlyList<SampleTable> Tables { get; }

    public SampleTable GetTable(string name) =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"The sample dataset has no table `{name}`.");
}
