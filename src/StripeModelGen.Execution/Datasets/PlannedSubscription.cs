namespace StripeModelGen.Execution.Datasets;

internal sealed record SubscriptionItemPlan(string Id, SamplePrice Price, long Quantity)
{
    public long Amount => Price.UnitAmount * Quantity;

    /// <summary>The stable line id old (pre-2024-09) invoices used for this item's subscription lines.</summary>
    public string LegacyLineId => "sli_" + Id[3..];
}

/// <summary>A subscription being simulated; becomes a <see cref="SubscriptionRow"/> once its invoices exist.</summary>
internal sealed class PlannedSubscription
{
    public required string Id { get; init; }
    public required string Status { get; set; }
    public required string CollectionMethod { get; init; }
    public required DateTime Start { get; init; }
    public DateTime? TrialEnd { get; init; }
    public required DateTime Anchor { get; init; }
    public required List<SubscriptionItemPlan> Items { get; set; }
    public required DateTime CurrentPeriodStart { get; set; }
    public required DateTime CurrentPeriodEnd { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    public DateTime? CancelAt { get; set; }
    public DateTime? CanceledAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? CancellationReason { get; set; }
    public string? CancellationFeedback { get; set; }
    public string? CancellationComment { get; set; }
    public string? ForeverCouponId { get; init; }
    public List<PlannedInvoice> Invoices { get; } = [];

    public bool IsLive => Status is "trialing" or "active" or "past_due" or "unpaid" or "incomplete" or "paused";
}
