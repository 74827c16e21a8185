namespace StripeModelGen.Execution.Datasets;

// One record per Sigma table. Each public property is one column of that table: its name is the
// column name in PascalCase (status_transitions_paid_at -> StatusTransitionsPaidAt, card_last4 ->
// CardLast4) and its CLR type gives the Sigma type (string varchar, long bigint, double double,
// bool boolean, DateTime timestamp; nullable where Stripe leaves the column null). Columns of the
// Sigma table without a property are loaded as NULL. Times are UTC with whole seconds.

/// <summary>A row of <c>customers</c>.</summary>
public sealed record CustomerRow
{
    public required string Id { get; init; }
    public required DateTime Created { get; init; }
    public string? Email { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Phone { get; init; }
    /// <summary>The billing currency; null for customers never charged or invoiced.</summary>
    public string? Currency { get; init; }
    /// <summary>Minor units of <see cref="Currency"/>; negative is credit, positive is owed.</summary>
    public required long Balance { get; init; }
    public required bool Delinquent { get; init; }
    public required bool Deleted { get; init; }
    public required string TaxExempt { get; init; }
    public string? AddressLine1 { get; init; }
    public string? AddressCity { get; init; }
    public string? AddressState { get; init; }
    public string? AddressPostalCode { get; init; }
    public string? AddressCountry { get; init; }
    public string? InvoiceSettingsDefaultPaymentMethodId { get; init; }
}

/// <summary>A row of <c>subscriptions</c>.</summary>
public sealed record SubscriptionRow
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>incomplete, incomplete_expired, trialing, active, past_due, canceled, unpaid or paused.</summary>
    public required string Status { get; init; }
    /// <summary>The collection method: charge_automatically or send_invoice.</summary>
    public required string Billing { get; init; }
    public long? DaysUntilDue { get; init; }
    /// <summary>Null when the subscription has several items.</summary>
    public string? PriceId { get; init; }
    public string? PlanId { get; init; }
    public long? Quantity { get; init; }
    public required DateTime Created { get; init; }
    public required DateTime StartDate { get; init; }
    public required DateTime BillingCycleAnchor { get; init; }
    public required DateTime CurrentPeriodStart { get; init; }
    public required DateTime CurrentPeriodEnd { get; init; }
    public DateTime? TrialStart { get; init; }
    public DateTime? TrialEnd { get; init; }
    public string? TrialSettingsEndBehaviorMissingPaymentMethod { get; init; }
    public required bool CancelAtPeriodEnd { get; init; }
    public DateTime? CancelAt { get; init; }
    public DateTime? CanceledAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public string? CancellationDetailsReason { get; init; }
    public string? CancellationDetailsFeedback { get; init; }
    public string? CancellationDetailsComment { get; init; }
    public string? LatestInvoiceId { get; init; }
    public string? DefaultPaymentMethodId { get; init; }
    public string? DiscountCouponId { get; init; }
    /// <summary>The ids of the discounts applied now, comma-separated (<c>di_a,di_b</c>); null when none.</summary>
    public string? Discounts { get; init; }
    public required bool AutomaticTaxEnabled { get; init; }
}

/// <summary>A row of <c>invoices</c>.</summary>
public sealed record InvoiceRow
{
    public required string Id { get; init; }
    /// <summary>Null for drafts.</summary>
    public string? Number { get; init; }
    public required string CustomerId { get; init; }
    public string? SubscriptionId { get; init; }
    /// <summary>The latest charge attempted for the invoice.</summary>
    public string? ChargeId { get; init; }
    public string? CustomerEmail { get; init; }
    public string? CustomerName { get; init; }
    public string? CustomerAddressCountry { get; init; }
    public required string CustomerTaxExempt { get; init; }
    /// <summary>draft, open, paid, uncollectible or void.</summary>
    public required string Status { get; init; }
    public required bool Paid { get; init; }
    public required bool PaidOutOfBand { get; init; }
    public required bool Attempted { get; init; }
    public required bool AutoAdvance { get; init; }
    public required string CollectionMethod { get; init; }
    public required string BillingReason { get; init; }
    public required long AttemptCount { get; init; }
    public required string Currency { get; init; }
    public required long Subtotal { get; init; }
    /// <summary>Null when no tax applies (no automatic tax).</summary>
    public long? Tax { get; init; }
    /// <summary>subtotal - discount + tax.</summary>
    public required long Total { get; init; }
    /// <summary>max(0, total + starting_balance).</summary>
    public required long AmountDue { get; init; }
    public required long AmountPaid { get; init; }
    /// <summary>amount_due - amount_paid.</summary>
    public required long AmountRemaining { get; init; }
    public required long StartingBalance { get; init; }
    /// <summary>min(0, total + starting_balance); null until finalised.</summary>
    public long? EndingBalance { get; init; }
    public string? DiscountCouponId { get; init; }
    /// <summary>The ids of the discounts applied to the invoice, comma-separated; null when none.</summary>
    public string? Discounts { get; init; }
    public required bool AutomaticTaxEnabled { get; init; }
    /// <summary>When the invoice was created (Sigma has no <c>created</c> column on invoices).</summary>
    public required DateTime Date { get; init; }
    /// <summary>Only for send_invoice.</summary>
    public DateTime? DueDate { get; init; }
    public required DateTime PeriodStart { get; init; }
    public required DateTime PeriodEnd { get; init; }
    public DateTime? EffectiveAt { get; init; }
    public DateTime? NextPaymentAttempt { get; init; }
    public DateTime? WebhooksDeliveredAt { get; init; }
    public DateTime? StatusTransitionsFinalizedAt { get; init; }
    public DateTime? StatusTransitionsPaidAt { get; init; }
    public DateTime? StatusTransitionsVoidedAt { get; init; }
    public DateTime? StatusTransitionsMarkedUncollectibleAt { get; init; }
    public string? Description { get; init; }
}

/// <summary>A row of <c>invoice_line_items</c>; (<see cref="InvoiceId"/>, <see cref="Id"/>) is unique, <see cref="Id"/> alone is not on old invoices.</summary>
public sealed record InvoiceLineItemRow
{
    public required string Id { get; init; }
    public required string InvoiceId { get; init; }
    public string? InvoiceItemId { get; init; }
    /// <summary>The subscription; blank on some subscription lines, whose <see cref="SourceId"/> then holds it.</summary>
    public string? Subscription { get; init; }
    public string? SubscriptionItemId { get; init; }
    /// <summary>subscription or invoiceitem.</summary>
    public required string SourceType { get; init; }
    public string? SourceId { get; init; }
    public string? PriceId { get; init; }
    public string? PlanId { get; init; }
    public required string Description { get; init; }
    public required bool Proration { get; init; }
    public required bool Discountable { get; init; }
    public long? Quantity { get; init; }
    public required string Currency { get; init; }
    /// <summary>Minor units before invoice-level discounts and tax; negative for proration credits.</summary>
    public required long Amount { get; init; }
    public required DateTime PeriodStart { get; init; }
    public required DateTime PeriodEnd { get; init; }
    public string? ProrationDetailsCreditedItemsInvoice { get; init; }
    public string? ProrationDetailsCreditedItemsInvoiceLineItems { get; init; }
}

/// <summary>A row of <c>charges</c>: one per charge attempt, failed and pending ones included.</summary>
public sealed record ChargeRow
{
    public required string Id { get; init; }
    public required DateTime Created { get; init; }
    /// <summary>Null for guest charges.</summary>
    public string? CustomerId { get; init; }
    public string? InvoiceId { get; init; }
    public required string PaymentIntent { get; init; }
    public required long Amount { get; init; }
    /// <summary>Sum of the charge's succeeded and pending refunds.</summary>
    public required long AmountRefunded { get; init; }
    public required string Currency { get; init; }
    /// <summary>succeeded, pending or failed.</summary>
    public required string Status { get; init; }
    public required bool Paid { get; init; }
    public required bool Captured { get; init; }
    public DateTime? CapturedAt { get; init; }
    /// <summary>True only when fully refunded.</summary>
    public required bool Refunded { get; init; }
    public string? FailureCode { get; init; }
    public string? FailureMessage { get; init; }
    public string? BalanceTransactionId { get; init; }
    public string? DisputeId { get; init; }
    public string? Description { get; init; }
    public string? ReceiptEmail { get; init; }
    public string? ReceiptNumber { get; init; }
    public string? CalculatedStatementDescriptor { get; init; }
    public string? PaymentMethodId { get; init; }
    public required string PaymentMethodType { get; init; }
    public string? CardBrand { get; init; }
    public string? CardFunding { get; init; }
    public string? CardCountry { get; init; }
    public string? CardLast4 { get; init; }
    public long? CardExpMonth { get; init; }
    public long? CardExpYear { get; init; }
    public string? CardFingerprint { get; init; }
    public string? CardNetwork { get; init; }
    public string? CardCvcCheck { get; init; }
    public string? OutcomeType { get; init; }
    public string? OutcomeReason { get; init; }
    public string? OutcomeNetworkStatus { get; init; }
    public string? OutcomeRiskLevel { get; init; }
    public long? OutcomeRiskScore { get; init; }
    public string? OutcomeSellerMessage { get; init; }
}

/// <summary>A row of <c>refunds</c>; a charge can have several.</summary>
public sealed record RefundRow
{
    public required string Id { get; init; }
    public required string ChargeId { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    /// <summary>pending, succeeded, failed or canceled.</summary>
    public required string Status { get; init; }
    /// <summary>duplicate, fraudulent, requested_by_customer, expired_uncaptured_charge, partial_capture or null.</summary>
    public string? Reason { get; init; }
    public string? FailureReason { get; init; }
    public required DateTime Created { get; init; }
    public string? BalanceTransactionId { get; init; }
    public string? FailureBalanceTransactionId { get; init; }
    public string? ReceiptNumber { get; init; }
    public string? RefundDescription { get; init; }
    public string? RefundPaymentIntent { get; init; }
}
