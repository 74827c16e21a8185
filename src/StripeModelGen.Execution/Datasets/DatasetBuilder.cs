namespace StripeModelGen.Execution.Datasets;

/// <summary>Collects the rows of every table while customers are simulated, then derives the account-wide tables, orders and checks them.</summary>
internal sealed class DatasetBuilder
{
    public List<CustomerRow> Customers { get; } = [];
    public List<SubscriptionRow> Subscriptions { get; } = [];
    public List<SubscriptionItemRow> SubscriptionItems { get; } = [];
    public List<DiscountRow> Discounts { get; } = [];
    public List<InvoiceRow> Invoices { get; } = [];
    public List<InvoiceLineItemRow> InvoiceLineItems { get; } = [];
    public List<InvoiceLineItemDiscountAmountRow> InvoiceLineItemDiscountAmounts { get; } = [];
    public List<ChargeRow> Charges { get; } = [];
    public List<RefundRow> Refunds { get; } = [];
    public List<SubscriptionItemChangeEventRow> ChangeEvents { get; } = [];
    public List<BillingMeterEventSummaryRow> MeterEventSummaries { get; } = [];
    public List<BillingMeterInvalidEventRow> MeterInvalidEvents { get; } = [];
    public List<BillingMeterInvalidEventPayloadRow> MeterInvalidEventPayloads { get; } = [];

    private readonly Dictionary<string, CustomerSimulation.SettledInvoice> _settled = new(StringComparer.Ordinal);

    public void AddInvoices(IEnumerable<CustomerSimulation.SettledInvoice> invoices)
    {
        foreach (var settled in invoices)
        {
            Invoices.Add(settled.Invoice);
            _settled.Add(settled.Invoice.Id, settled);
        }
    }

    /// <summary>Sorts each table (by creation time then id, ordinal), derives the account-wide tables and checks that keys are unique.</summary>
    public SampleDataset Build(int seed, int scale, DateTime reference, PriceCatalog catalog)
    {
        Customers.Sort((a, b) => Compare(a.Created, a.Id, b.Created, b.Id));
        Subscriptions.Sort((a, b) => Compare(a.Created, a.Id, b.Created, b.Id));
        Invoices.Sort((a, b) => Compare(a.Date, a.Id, b.Date, b.Id));
        Charges.Sort((a, b) => Compare(a.Created, a.Id, b.Created, b.Id));
        Refunds.Sort((a, b) => Compare(a.Created, a.Id, b.Created, b.Id));
        foreach (var invoice in Invoices)
        {
            InvoiceLineItems.AddRange(_settled[invoice.Id].Lines);
            InvoiceLineItemDiscountAmounts.AddRange(_settled[invoice.Id].DiscountAmounts);
        }
        // Items follow their subscription (in the order the subscription lists them).
        var itemsBySubscription = SubscriptionItems.ToLookup(i => i.SubscriptionId, StringComparer.Ordinal);
        var items = Subscriptions.SelectMany(s => itemsBySubscription[s.Id]).ToList();
        Discounts.Sort((a, b) => Compare(a.Created, a.Id, b.Created, b.Id));
        ChangeEvents.Sort((a, b) =>
        {
            var byTime = a.EventTimestamp.CompareTo(b.EventTimestamp);
            if (byTime != 0)
                return byTime;
            var byItem = string.CompareOrdinal(a.SubscriptionItemId, b.SubscriptionItemId);
            return byItem != 0 ? byItem : string.CompareOrdinal(a.EventType, b.EventType);
        });
        MeterEventSummaries.Sort((a, b) => Compare(a.StartTime, a.Id, b.StartTime, b.Id));
        MeterInvalidEvents.Sort((a, b) => Compare(a.Received, a.Id, b.Received, b.Id));
        var eventOrder = MeterInvalidEvents.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var payloads = MeterInvalidEventPayloads.OrderBy(p => eventOrder[p.EventId]).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

        var ledger = AccountLedger.Build(seed, reference, Charges, Refunds, Invoices, Subscriptions);
        var tables = new SampleDatasetTables
        {
            Accounts = [SampleAccount.Row(seed)],
            ExchangeRates = ExchangeRates.Rows(seed, reference),
            Products = [.. catalog.Products],
            BillingMeters = CatalogTables.Meters(catalog),
            Prices = CatalogTables.Prices(catalog),
            PriceTiers = CatalogTables.PriceTiers(catalog),
            Plans = CatalogTables.Plans(catalog),
            Coupons = CatalogTables.Coupons(catalog, Discounts),
            PromotionCodes = CatalogTables.PromotionCodes(catalog, Discounts),
            Customers = Customers,
            Subscriptions = Subscriptions,
            SubscriptionItems = items,
            Discounts = Discounts,
            Invoices = Invoices,
            InvoiceLineItems = InvoiceLineItems,
            InvoiceItems = CatalogTables.InvoiceItems(Invoices, InvoiceLineItems),
            InvoiceLineItemDiscountAmounts = InvoiceLineItemDiscountAmounts,
            Charges = Charges,
            Refunds = Refunds,
            Disputes = ledger.Disputes,
            Transfers = ledger.Payouts,
            BalanceTransactions = ledger.BalanceTransactions,
            SubscriptionItemChangeEvents = ChangeEvents,
            BillingMeterEventSummaries = MeterEventSummaries,
            BillingMeterInvalidEvents = MeterInvalidEvents,
            BillingMeterInvalidEventPayloads = payloads,
        };
        var dataset = new SampleDataset(seed, scale, reference, tables);
        foreach (var table in dataset.Tables)
            EnsureUnique(table);
        return dataset;
    }

    private static int Compare(DateTime timeA, string idA, DateTime timeB, string idB)
    {
        var byTime = timeA.CompareTo(timeB);
        return byTime != 0 ? byTime : string.CompareOrdinal(idA, idB);
    }

    private static void EnsureUnique(SampleTable table)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var key = table.KeyOf(row);
            if (!seen.Add(key))
                throw new InvalidOperationException($"Sample data bug: duplicate key {key} in {table.Name}.");
        }
    }
}

/// <summary>The rows of every table of a dataset, as the builder hands them to <see cref="SampleDataset"/>.</summary>
internal sealed class SampleDatasetTables
{
    public required IReadOnlyList<AccountRow> Accounts { get; init; }
    public required IReadOnlyList<ExchangeRateRow> ExchangeRates { get; init; }
    public required IReadOnlyList<ProductRow> Products { get; init; }
    public required IReadOnlyList<BillingMeterRow> BillingMeters { get; init; }
    public required IReadOnlyList<PriceRow> Prices { get; init; }
    public required IReadOnlyList<PriceTierRow> PriceTiers { get; init; }
    public required IReadOnlyList<PlanRow> Plans { get; init; }
    public required IReadOnlyList<CouponRow> Coupons { get; init; }
    public required IReadOnlyList<PromotionCodeRow> PromotionCodes { get; init; }
    public required IReadOnlyList<CustomerRow> Customers { get; init; }
    public required IReadOnlyList<SubscriptionRow> Subscriptions { get; init; }
    public required IReadOnlyList<SubscriptionItemRow> SubscriptionItems { get; init; }
    public required IReadOnlyList<DiscountRow> Discounts { get; init; }
    public required IReadOnlyList<InvoiceRow> Invoices { get; init; }
    public required IReadOnlyList<InvoiceLineItemRow> InvoiceLineItems { get; init; }
    public required IReadOnlyList<InvoiceItemRow> InvoiceItems { get; init; }
    public required IReadOnlyList<InvoiceLineItemDiscountAmountRow> InvoiceLineItemDiscountAmounts { get; init; }
    public required IReadOnlyList<ChargeRow> Charges { get; init; }
    public required IReadOnlyList<RefundRow> Refunds { get; init; }
    public required IReadOnlyList<DisputeRow> Disputes { get; init; }
    public required IReadOnlyList<TransferRow> Transfers { get; init; }
    public required IReadOnlyList<BalanceTransactionRow> BalanceTransactions { get; init; }
    public required IReadOnlyList<SubscriptionItemChangeEventRow> SubscriptionItemChangeEvents { get; init; }
    public required IReadOnlyList<BillingMeterEventSummaryRow> BillingMeterEventSummaries { get; init; }
    public required IReadOnlyList<BillingMeterInvalidEventRow> BillingMeterInvalidEvents { get; init; }
    public required IReadOnlyList<BillingMeterInvalidEventPayloadRow> BillingMeterInvalidEventPayloads { get; init; }
}
