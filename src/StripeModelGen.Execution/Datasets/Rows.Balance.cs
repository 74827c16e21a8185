namespace StripeModelGen.Execution.Datasets;

// Money movements of the account: disputes, balance transactions and payouts, plus the account
// itself and the daily exchange rates (see Rows.cs for the naming rules).

/// <summary>A row of <c>disputes</c>: one per charge with a <c>dispute_id</c>.</summary>
public sealed record DisputeRow
{
    public required string Id { get; init; }
    public required string ChargeId { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    /// <summary>needs_response, under_review, won or lost.</summary>
    public required string Status { get; init; }
    public required string Reason { get; init; }
    public string? NetworkReasonCode { get; init; }
    public required bool IsChargeRefundable { get; init; }
    public required DateTime Created { get; init; }
    public required DateTime EvidenceDetailsDueBy { get; init; }
    public required bool EvidenceDetailsHasEvidence { get; init; }
    public required bool EvidenceDetailsPastDue { get; init; }
    public required long EvidenceDetailsSubmissionCount { get; init; }
    public string? EvidenceCustomerEmailAddress { get; init; }
}

/// <summary>
/// A row of <c>balance_transactions</c>: captured charges, refunds (and their failures), disputes
/// and their reversals, payouts (and their failures). <c>net = amount - fee</c>; amounts in the
/// charge's currency (settlement in every currency, so no <c>exchange_rate</c>).
/// </summary>
public sealed record BalanceTransactionRow
{
    public required string Id { get; init; }
    public required DateTime Created { get; init; }
    public required DateTime AvailableOn { get; init; }
    public required long Amount { get; init; }
    public required long Fee { get; init; }
    public required long Net { get; init; }
    public required string Currency { get; init; }
    /// <summary>available or pending (as of the reference time).</summary>
    public required string Status { get; init; }
    /// <summary>charge, payment, refund, payment_refund, refund_failure, adjustment, payout or payout_failure.</summary>
    public required string Type { get; init; }
    /// <summary>charge, refund, partial_capture_reversal, refund_failure, dispute, dispute_reversal, payout or payout_reversal.</summary>
    public required string ReportingCategory { get; init; }
    /// <summary>The charge, refund, dispute or payout (<c>ch_</c>, <c>re_</c>, <c>dp_</c>, <c>po_</c>).</summary>
    public required string SourceId { get; init; }
    /// <summary>The automatic payout that paid this transaction out; null while unpaid and on payouts' own transactions.</summary>
    public string? AutomaticTransferId { get; init; }
    public string? Description { get; init; }
}

/// <summary>A row of <c>transfers</c>: automatic payouts to the account's bank account in each currency (<c>po_</c> ids).</summary>
public sealed record TransferRow
{
    public required string Id { get; init; }
    public required DateTime Created { get; init; }
    /// <summary>The expected arrival date.</summary>
    public required DateTime Date { get; init; }
    public required long Amount { get; init; }
    public required long AmountReversed { get; init; }
    public required string Currency { get; init; }
    /// <summary>paid, in_transit or failed.</summary>
    public required string Status { get; init; }
    public required bool Automatic { get; init; }
    /// <summary>bank_account.</summary>
    public required string Type { get; init; }
    public required string SourceType { get; init; }
    public required string DestinationId { get; init; }
    public required string BalanceTransactionId { get; init; }
    public required bool Reversed { get; init; }
    public string? Description { get; init; }
    public string? FailureCode { get; init; }
    public string? FailureMessage { get; init; }
}

/// <summary>The row of <c>accounts</c>: the merchant's own account.</summary>
public sealed record AccountRow
{
    public required string Id { get; init; }
    public required DateTime Created { get; init; }
    public required string BusinessName { get; init; }
    public required string DisplayName { get; init; }
    public required string BusinessUrl { get; init; }
    public required string BusinessProfileMcc { get; init; }
    public required string Email { get; init; }
    public required string SupportEmail { get; init; }
    public required string SupportPhone { get; init; }
    public required string ProductDescription { get; init; }
    public required string StatementDescriptor { get; init; }
    public required string Country { get; init; }
    public required string DefaultCurrency { get; init; }
    /// <summary>An IANA zone; <c>subscription_item_change_events.local_event_timestamp</c> is in it.</summary>
    public required string Timezone { get; init; }
    public required string Type { get; init; }
    public required bool ChargesEnabled { get; init; }
    public required bool PayoutsEnabled { get; init; }
    public required bool DetailsSubmitted { get; init; }
    public required bool DebitNegativeBalances { get; init; }
    public required string PayoutScheduleInterval { get; init; }
    public required string PayoutScheduleWeeklyAnchor { get; init; }
    public required long PayoutScheduleDelayDays { get; init; }
    public required DateTime TosAcceptanceDate { get; init; }
    public required string CapabilitiesCardPayments { get; init; }
    public required string CapabilitiesTransfers { get; init; }
    public required string CapabilitiesSepaDebitPayments { get; init; }
    public required string CapabilitiesUsBankAccountAchPayments { get; init; }
    public required string LegalEntityType { get; init; }
    public required string LegalEntityBusinessName { get; init; }
    public required string LegalEntityAddressLine1 { get; init; }
    public required string LegalEntityAddressCity { get; init; }
    public required string LegalEntityAddressPostalCode { get; init; }
    public required string LegalEntityAddressCountry { get; init; }
}

/// <summary>
/// A row of <c>exchange_rates_from_usd</c>: one per day (midnight UTC), how many units of each
/// currency one US dollar buys, as a JSON text (<c>{"cad":1.36,"eur":0.92,...}</c>).
/// </summary>
public sealed record ExchangeRateRow
{
    public required DateTime Date { get; init; }
    /// <summary>Always usd.</summary>
    public required string SellCurrency { get; init; }
    public required string BuyCurrencyExchangeRates { get; init; }
}
