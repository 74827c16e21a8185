namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// A generated Stripe dataset in the Sigma schema: plain row records per table, so tests can
/// compute expected values in C# (the oracle) from the same rows that are loaded into a database.
/// </summary>
public sealed class SampleDataset
{
    internal SampleDataset(
        int seed,
        int scale,
        DateTime referenceTime,
        IReadOnlyList<CustomerRow> customers,
        IReadOnlyList<SubscriptionRow> subscriptions,
        IReadOnlyList<InvoiceRow> invoices,
        IReadOnlyList<InvoiceLineItemRow> invoiceLineItems,
        IReadOnlyList<ChargeRow> charges,
        IReadOnlyList<RefundRow> refunds)
    {
        Seed = seed;
        Scale = scale;
        ReferenceTime = referenceTime;
        Customers = customers;
        Subscriptions = subscriptions;
        Invoices = invoices;
        InvoiceLineItems = invoiceLineItems;
        Charges = charges;
        Refunds = refunds;
        Tables =
        [
            SampleTable.Create("customers", customers),
            SampleTable.Create("subscriptions", subscriptions),
            SampleTable.Create("invoices", invoices),
            SampleTable.Create("invoice_line_items", invoiceLineItems),
            SampleTable.Create("charges", charges),
            SampleTable.Create("refunds", refunds),
        ];
    }

    public int Seed { get; }

    public int Scale { get; }

    /// <summary>The "now" of the dataset (<see cref="SampleData.ReferenceTime"/>): every event happened before it and every status is as of it.</summary>
    public DateTime ReferenceTime { get; }

    public IReadOnlyList<CustomerRow> Customers { get; }

    public IReadOnlyList<SubscriptionRow> Subscriptions { get; }

    public IReadOnlyList<InvoiceRow> Invoices { get; }

    public IReadOnlyList<InvoiceLineItemRow> InvoiceLineItems { get; }

    public IReadOnlyList<ChargeRow> Charges { get; }

    public IReadOnlyList<RefundRow> Refunds { get; }

    /// <summary>Every table, in load order (a table comes after the tables it references).</summary>
    public IReadOnlyList<SampleTable> Tables { get; }

    public SampleTable GetTable(string name) =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"The sample dataset has no table `{name}`.");
}
