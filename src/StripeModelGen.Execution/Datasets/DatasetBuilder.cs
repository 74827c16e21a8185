namespace StripeModelGen.Execution.Datasets;

/// <summary>Collects the rows of every table while customers are simulated, then orders and checks them.</summary>
internal sealed class DatasetBuilder
{
    public List<CustomerRow> Customers { get; } = [];
    public List<SubscriptionRow> Subscriptions { get; } = [];
    public List<InvoiceRow> Invoices { get; } = [];
    public List<InvoiceLineItemRow> InvoiceLineItems { get; } = [];
    public List<ChargeRow> Charges { get; } = [];
    public List<RefundRow> Refunds { get; } = [];

    private readonly Dictionary<string, List<InvoiceLineItemRow>> _linesByInvoice = new(StringComparer.Ordinal);

    public void AddInvoices(IEnumerable<CustomerSimulation.SettledInvoice> invoices)
    {
        foreach (var (invoice, lines) in invoices)
        {
            Invoices.Add(invoice);
            _linesByInvoice.Add(invoice.Id, lines);
        }
    }

    /// <summary>Sorts each table by creation time then id (ordinal) and checks that ids are unique.</summary>
    public SampleDataset Build(int seed, int scale, DateTime reference)
    {
        Customers.Sort((a, b) => Compare(a.Created, a.Id, b.Created, b.Id));
        Subscriptions.Sort((a, b) => Compare(a.Created, a.Id, b.Created, b.Id));
        Invoices.Sort((a, b) => Compare(a.Date, a.Id, b.Date, b.Id));
        Charges.Sort((a, b) => Compare(a.Created, a.Id, b.Created, b.Id));
        Refunds.Sort((a, b) => Compare(a.Created, a.Id, b.Created, b.Id));
        foreach (var invoice in Invoices)
            InvoiceLineItems.AddRange(_linesByInvoice[invoice.Id]);

        EnsureUnique("customers", Customers.Select(r => r.Id));
        EnsureUnique("subscriptions", Subscriptions.Select(r => r.Id));
        EnsureUnique("invoices", Invoices.Select(r => r.Id));
        EnsureUnique("invoice_line_items", InvoiceLineItems.Select(r => r.InvoiceId + ":" + r.Id));
        EnsureUnique("charges", Charges.Select(r => r.Id));
        EnsureUnique("refunds", Refunds.Select(r => r.Id));

        return new SampleDataset(seed, scale, reference, Customers, Subscriptions, Invoices, InvoiceLineItems, Charges, Refunds);
    }

    private static int Compare(DateTime timeA, string idA, DateTime timeB, string idB)
    {
        var byTime = timeA.CompareTo(timeB);
        return byTime != 0 ? byTime : string.CompareOrdinal(idA, idB);
    }

    private static void EnsureUnique(string table, IEnumerable<string> keys)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!seen.Add(key))
                throw new InvalidOperationException($"Sample data bug: duplicate key {key} in {table}.");
        }
    }
}
