using StripeModelGen.Execution.Datasets;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// The values the lookup dashboards' parameters (<c>@customer</c>, <c>@invoice</c>) are bound to, chosen
/// from the dataset by what they exercise: the first of each list is the main one (a customer with
/// invoices, an open one among them, refunds and failed charges; an invoice with several lines, line
/// discounts and several charges), the others cover edge cases, and the last is an id that does not exist.
/// Customer Lookup also takes an email, in any case: <see cref="CustomerEmails"/> are emails as a user types
/// them, each in another case than the one stored (a customer like the main one, a customer whose email keeps
/// capitals, an email several customers share), and an email no customer has.
/// </summary>
internal sealed record LookupSubjects(IReadOnlyList<string> Customers, IReadOnlyList<string> CustomerEmails, IReadOnlyList<string> Invoices)
{
    public const string MissingCustomer = "cus_doesnotexist0";

    public const string MissingCustomerEmail = "nobody@doesnotexist.example";

    public const string MissingInvoice = "in_doesnotexist0";

    public string MainCustomer => Customers[0];

    public string MainCustomerEmail => CustomerEmails[0];

    public string MainInvoice => Invoices[0];

    /// <summary>Everything Customer Lookup is run with: the customer ids, then the emails.</summary>
    public IEnumerable<string> CustomerLookups => Customers.Concat(CustomerEmails);

    private static readonly Dictionary<SampleDataset, LookupSubjects> Cache = [];

    public static LookupSubjects For(SampleDataset data)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(data, out var subjects))
                Cache[data] = subjects = Choose(data);
            return subjects;
        }
    }

    private static LookupSubjects Choose(SampleDataset data)
    {
        var charges = data.Charges.Where(c => c.CustomerId is not null).ToLookup(c => c.CustomerId!, StringComparer.Ordinal);
        var invoices = data.Invoices.ToLookup(i => i.CustomerId, StringComparer.Ordinal);
        var subscriptions = data.Subscriptions.ToLookup(s => s.CustomerId, StringComparer.Ordinal);
        var customers = data.Customers.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

        string Customer(string what, Func<CustomerRow, bool> predicate, Func<CustomerRow, int>? rank = null) =>
            customers.Where(predicate).OrderByDescending(c => rank?.Invoke(c) ?? 0).Select(c => c.Id).FirstOrDefault()
            ?? throw new InvalidOperationException($"Seed {data.Seed} has no customer {what}.");

        var customerIds = new List<string>
        {
            Customer(
                "with an open invoice, a refunded charge, a failed charge and a subscription",
                c => invoices[c.Id].Any(i => i.Status == "open") && charges[c.Id].Any(ch => ch.AmountRefunded > 0)
                    && charges[c.Id].Any(ch => ch.Status == "failed") && subscriptions[c.Id].Any(),
                c => invoices[c.Id].Count()),
            Customer("with a non-zero balance, invoices and a refund", c => c.Balance != 0 && invoices[c.Id].Any() && charges[c.Id].Any(ch => ch.AmountRefunded > 0)),
            Customer(
                "with a partially refunded and an uncaptured charge",
                c => charges[c.Id].Any(ch => ch.AmountRefunded > 0 && ch.AmountRefunded < ch.Amount) && charges[c.Id].Any(ch => ch.Status == "succeeded" && !ch.Captured)),
            Customer("with several subscriptions", c => subscriptions[c.Id].Count() >= 2, c => subscriptions[c.Id].Count()),
            Customer("without a currency", c => c.Currency is null),
            Customer("with invoices in a zero-decimal currency", c => c.Currency == "jpy" && invoices[c.Id].Any(), c => invoices[c.Id].Count()),
            Customer("with invoices in a three-decimal currency", c => c.Currency == "kwd" && invoices[c.Id].Any(), c => invoices[c.Id].Count()),
            MissingCustomer,
        };

        var sharing = data.Customers.Where(c => c.Email is not null).GroupBy(c => c.Email!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string Email(string what, Func<CustomerRow, bool> predicate, Func<CustomerRow, int> rank, Func<string, string> typed) =>
            customers.Where(c => c.Email is not null && predicate(c)).OrderByDescending(rank).Select(c => typed(c.Email!)).FirstOrDefault()
            ?? throw new InvalidOperationException($"Seed {data.Seed} has no customer with an email {what}.");

        var customerEmails = new List<string>
        {
            Email(
                "with an open invoice, a refunded charge, a failed charge and a subscription (typed in upper case)",
                c => invoices[c.Id].Any(i => i.Status == "open") && charges[c.Id].Any(ch => ch.AmountRefunded > 0)
                    && charges[c.Id].Any(ch => ch.Status == "failed") && subscriptions[c.Id].Any(),
                c => invoices[c.Id].Count(),
                email => email.ToUpperInvariant()),
            Email(
                "kept with capitals, with invoices and charges (typed in lower case)",
                c => c.Email != c.Email!.ToLowerInvariant() && invoices[c.Id].Any() && charges[c.Id].Any(),
                c => invoices[c.Id].Count(),
                email => email.ToLowerInvariant()),
            Email(
                "shared by several customers (typed with a capital)",
                c => sharing[c.Email!] >= 2,
                c => sharing[c.Email!],
                email => char.ToUpperInvariant(email[0]) + email[1..]),
            MissingCustomerEmail,
        };

        var chargesByInvoice = data.Charges.Where(c => c.InvoiceId is not null).ToLookup(c => c.InvoiceId!, StringComparer.Ordinal);
        var lines = data.InvoiceLineItems.ToLookup(l => l.InvoiceId, StringComparer.Ordinal);
        var discounts = data.InvoiceLineItemDiscountAmounts.ToLookup(d => d.InvoiceId, StringComparer.Ordinal);
        var allInvoices = data.Invoices.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();

        string Invoice(string what, Func<InvoiceRow, bool> predicate, Func<InvoiceRow, int>? rank = null) =>
            allInvoices.Where(predicate).OrderByDescending(i => rank?.Invoke(i) ?? 0).Select(i => i.Id).FirstOrDefault()
            ?? throw new InvalidOperationException($"Seed {data.Seed} has no invoice {what}.");

        var invoiceIds = new List<string>
        {
            Invoice(
                "with several lines, line discounts and several charges",
                i => lines[i.Id].Count() >= 2 && discounts[i.Id].Any() && chargesByInvoice[i.Id].Count() >= 2,
                i => chargesByInvoice[i.Id].Count()),
            Invoice("with a refunded charge", i => chargesByInvoice[i.Id].Any(c => c.AmountRefunded > 0)),
            Invoice("with a proration credit", i => lines[i.Id].Any(l => l.Proration && l.Amount < 0), i => lines[i.Id].Count()),
            Invoice("with line discounts on several lines", i => discounts[i.Id].Select(d => d.InvoiceLineItemId).Distinct().Count() >= 2, i => discounts[i.Id].Count()),
            Invoice("with tax", i => i.Tax is not null),
            Invoice("open with a due date", i => i.Status == "open" && i.DueDate is not null),
            Invoice("that is a draft", i => i.Status == "draft"),
            Invoice("that is void", i => i.Status == "void"),
            Invoice("that is uncollectible", i => i.Status == "uncollectible"),
            Invoice("in a three-decimal currency with a charge", i => i.Currency == "kwd" && chargesByInvoice[i.Id].Any()),
            MissingInvoice,
        };

        return new LookupSubjects(
            [.. customerIds.Distinct(StringComparer.Ordinal)],
            [.. customerEmails.Distinct(StringComparer.Ordinal)],
            [.. invoiceIds.Distinct(StringComparer.Ordinal)]);
    }
}
