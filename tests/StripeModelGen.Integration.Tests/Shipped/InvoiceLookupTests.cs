using StripeModelGen.Execution.Datasets;
using StripeModelGen.Integration.Tests.Postgres;
using static StripeModelGen.Integration.Tests.Shipped.ExecutiveSummaryTests;
using static StripeModelGen.Integration.Tests.Shipped.ShippedRows;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// Every tile of the Invoice Lookup dashboard against the oracle, with <c>@invoice</c> bound to each of
/// <see cref="LookupSubjects.Invoices"/>: the main one (several lines, line discounts, several charges),
/// then invoices with a refunded charge, a proration credit, discounts on several lines, tax, an open one
/// with a due date, a draft, a void and an uncollectible one, one in a three-decimal currency, and an id
/// that does not exist.
/// </summary>
public sealed class InvoiceLookupTests(PostgresFixture fixture) : ShippedTests(fixture)
{
    private const string Tiles = "tiles/invoice_lookup/";

    private LookupSubjects Subjects => LookupSubjects.For(Data);

    private static ShippedRun For(string invoice) => With("invoice", invoice);

    private InvoiceRow? Invoice(string id) => Data.Invoices.SingleOrDefault(i => i.Id == id);

    private List<ChargeRow> Charges(string invoice) => [.. Data.Charges.Where(c => c.InvoiceId == invoice)];

    private async Task ForEachInvoiceAsync(string tile, Func<string, List<object?[]>> expected)
    {
        foreach (var invoice in Subjects.Invoices)
            await AssertRowsAsync(Tiles + tile, expected(invoice), For(invoice), allowEmpty: invoice != Subjects.MainInvoice);
    }

    [Fact]
    public void The_main_invoice_has_what_the_dashboard_shows()
    {
        var invoice = Subjects.MainInvoice;
        Assert.True(Data.InvoiceLineItems.Count(l => l.InvoiceId == invoice) >= 2);
        Assert.Contains(Data.InvoiceLineItemDiscountAmounts, d => d.InvoiceId == invoice);
        Assert.True(Charges(invoice).Count >= 2);
        Assert.Contains(Charges(invoice), c => c.Status == "failed");
        Assert.Null(Invoice(LookupSubjects.MissingInvoice));
    }

    [Fact]
    public Task Invoice_details() => ForEachInvoiceAsync("invoice_details.sql", id =>
    {
        var emails = Data.Customers.ToDictionary(c => c.Id, c => c.Email, StringComparer.Ordinal);
        return Invoice(id) is { } i
            ? [Row(i.Id, i.Number, i.Status, i.CustomerId, emails.GetValueOrDefault(i.CustomerId), Day(i.Date), Day(i.DueDate),
                i.StatusTransitionsFinalizedAt, i.StatusTransitionsPaidAt, i.Attempted, i.AttemptCount)]
            : [];
    });

    [Fact]
    public Task Invoice_amounts_with_the_discount_derived_from_subtotal_tax_and_total() => ForEachInvoiceAsync("invoice_amounts.sql", id =>
        Invoice(id) is { } i
            ? [Row(i.Currency, Major(i.Subtotal, i.Currency), Major(i.Subtotal + (i.Tax ?? 0) - i.Total, i.Currency), Major(i.Tax, i.Currency),
                Major(i.Total, i.Currency), Major(i.AmountDue, i.Currency), Major(i.AmountPaid, i.Currency), Major(i.AmountRemaining, i.Currency))]
            : []);

    [Fact]
    public Task Line_items_by_service_period() => ForEachInvoiceAsync("line_items.sql", id =>
        Sorted(
            Distinct(Data.InvoiceLineItems.Where(l => l.InvoiceId == id).Select(l => Row(
                l.Id, l.Description, l.PriceId, l.Quantity, Day(l.PeriodStart), Day(l.PeriodEnd), l.Proration, l.Currency, Major(l.Amount, l.Currency)))),
            Asc(4), Asc(0), Asc(1), Asc(2), Asc(3), Asc(5), Asc(6), Asc(7), Asc(8)));

    [Fact]
    public Task Line_item_discounts_with_the_line_s_product() => ForEachInvoiceAsync("line_item_discounts.sql", id =>
    {
        if (Invoice(id) is not { } invoice)
            return [];
        var prices = Data.Prices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var products = Data.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        string? Product(string? priceId) =>
            priceId is not null && prices.TryGetValue(priceId, out var price) && products.TryGetValue(price.ProductId, out var product) ? product.Name : null;
        var lines = Data.InvoiceLineItems.Where(l => l.InvoiceId == id).ToDictionary(l => l.Id, StringComparer.Ordinal);
        return Sorted(
            Data.InvoiceLineItemDiscountAmounts.Where(d => d.InvoiceId == id && lines.ContainsKey(d.InvoiceLineItemId))
                .GroupBy(d => (Line: d.InvoiceLineItemId, Product: Product(lines[d.InvoiceLineItemId].PriceId)))
                .Select(g => Row(g.Key.Line, g.Key.Product, invoice.Currency, SumOrNull(g.Select(d => Major(d.Amount, invoice.Currency))))),
            Asc(0), Asc(1), Asc(2));
    });

    [Fact]
    public Task Charge_totals() => ForEachInvoiceAsync("charge_totals.sql", id =>
        Sorted(
            Charges(id).GroupBy(c => c.Currency).Select(g => Row(g.Key, (long)g.Count(), (long)g.Count(c => c.Status == "failed"), Gross(g), Refunded(g), Net(g))),
            Asc(0)));

    [Fact]
    public Task Charge_attempts_in_order() => ForEachInvoiceAsync("invoice_charges.sql", id =>
        Sorted(
            Charges(id).Select(c => Row(
                c.Id, c.Created, c.Status, c.FailureCode, c.FailureMessage, c.Currency, Major(c.Amount, c.Currency), Major(c.AmountRefunded, c.Currency), c.Captured, c.Refunded)),
            Asc(1), Asc(0), Asc(2), Asc(3), Asc(4), Asc(5), Asc(6), Asc(7), Asc(8), Asc(9)));
}
