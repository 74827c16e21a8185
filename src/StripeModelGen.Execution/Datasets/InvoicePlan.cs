namespace StripeModelGen.Execution.Datasets;

/// <summary>How an invoice's life ends as of the reference time.</summary>
internal enum InvoiceFate
{
    /// <summary>Paid by charge (after 0-2 failed automatic attempts) or by the customer for send_invoice.</summary>
    Paid,
    /// <summary>Marked paid outside Stripe (send_invoice only).</summary>
    PaidOutOfBand,
    /// <summary>Automatic collection failing, retries still scheduled (the subscription is past_due).</summary>
    Retrying,
    /// <summary>All four automatic attempts failed; the invoice stays open (subscription unpaid or canceled).</summary>
    ExhaustedOpen,
    /// <summary>All four automatic attempts failed; dunning marked it uncollectible (delinquent stays true).</summary>
    ExhaustedUncollectible,
    /// <summary>The first invoice of an incomplete subscription: one failed attempt, open.</summary>
    IncompleteOpen,
    /// <summary>The first invoice of an incomplete_expired subscription: one failed attempt, voided 23 hours later.</summary>
    IncompleteVoid,
    /// <summary>Never finalised.</summary>
    Draft,
    /// <summary>A send_invoice invoice not paid (yet); overdue when its due date passed.</summary>
    Open,
    /// <summary>Finalised, then voided at <see cref="PlannedInvoice.FateTime"/>.</summary>
    Void,
    /// <summary>Marked uncollectible through the API at <see cref="PlannedInvoice.FateTime"/> (resets delinquent).</summary>
    MarkedUncollectible,
}

internal sealed class PlannedLine
{
    public required string Id { get; init; }
    public string? InvoiceItemId { get; init; }
    public string? SubscriptionId { get; init; }
    public bool SubscriptionColumnBlank { get; init; }
    public string? SubscriptionItemId { get; init; }
    public required string SourceType { get; init; }
    public SamplePrice? Price { get; init; }
    public required string Description { get; init; }
    public bool Proration { get; init; }
    public long? Quantity { get; init; }
    public required long Amount { get; init; }
    public required DateTime PeriodStart { get; init; }
    public required DateTime PeriodEnd { get; init; }
    /// <summary>Usage-based (a metered price): the quantity is the usage billed for the period.</summary>
    public bool Metered { get; init; }
    public string? CreditedInvoiceId { get; init; }
    public string? CreditedLineId { get; init; }
}

/// <summary>An invoice as planned by a subscription or a manual billing run, before amounts and payments are settled.</summary>
internal sealed class PlannedInvoice
{
    public required string Id { get; init; }
    public string? SubscriptionId { get; init; }
    public required DateTime Created { get; init; }
    /// <summary>Null for drafts; never after the reference time.</summary>
    public DateTime? FinalizedAt { get; set; }
    public required string CollectionMethod { get; init; }
    public required string BillingReason { get; init; }
    public long? DaysUntilDue { get; init; }
    public required DateTime PeriodStart { get; init; }
    public required DateTime PeriodEnd { get; init; }
    public List<PlannedLine> Lines { get; } = [];
    /// <summary>The subscription's discounts that apply to this invoice (none for manual invoices).</summary>
    public IReadOnlyList<PlannedDiscount> Discounts { get; init; } = [];
    public InvoiceFate Fate { get; set; }
    public DateTime? FateTime { get; set; }
    public bool AutoAdvance { get; set; } = true;
    /// <summary>The successful charge gets a dispute (the subscription was canceled for payment_disputed).</summary>
    public bool DisputeCharge { get; set; }
    public string? Description { get; init; }

    public bool IsCreateInvoice => BillingReason == "subscription_create";

    /// <summary>Failures are part of the plan: a credit balance must never bring amount_due to 0.</summary>
    public bool NeedsPayment => Fate is InvoiceFate.Retrying or InvoiceFate.ExhaustedOpen or InvoiceFate.ExhaustedUncollectible
        or InvoiceFate.IncompleteOpen or InvoiceFate.IncompleteVoid;
}
