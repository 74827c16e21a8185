namespace StripeModelGen.Execution.Datasets;

internal sealed record SubscriptionItemPlan(string Id, SamplePrice Price, long Quantity)
{
    /// <summary>One period's amount; metered items are billed from their usage instead (0 here).</summary>
    public long Amount => Price.IsMetered ? 0 : Price.AmountFor(Quantity);

    /// <summary>The stable line id old (pre-2024-09) invoices used for this item's subscription lines.</summary>
    public string LegacyLineId => "sli_" + Id[3..];
}

/// <summary>
/// A change of one subscription item at <see cref="At"/>: its new price and quantity. Prorated
/// changes (the simulation's plan changes) put proration lines on the next invoice; the others
/// (same-day flips, tiered seat changes) use <c>proration_behavior=none</c> and show only in the
/// following invoices' quantities and in <c>subscription_item_change_events</c>.
/// </summary>
internal sealed record ItemChange(DateTime At, string ItemId, SamplePrice Price, long Quantity, bool Prorated);

/// <summary>A coupon applied to a subscription (a row of <c>discounts</c>).</summary>
internal sealed record PlannedDiscount(string Id, SampleCoupon Coupon, string? PromotionCodeId, DateTime Created)
{
    /// <summary>When a repeating coupon stops applying; null for forever coupons.</summary>
    public DateTime? End => Coupon.DurationInMonths is { } months && !Coupon.IsForever ? Created.AddMonths(months) : null;

    /// <summary>Whether the discount applies to an invoice created at <paramref name="time"/>.</summary>
    public bool AppliesAt(DateTime time) => End is not { } end || time < end;
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
    /// <summary>The items as they are now (after every change).</summary>
    public required List<SubscriptionItemPlan> Items { get; set; }
    /// <summary>The items the subscription started with.</summary>
    public required IReadOnlyList<SubscriptionItemPlan> InitialItems { get; init; }
    /// <summary>Every item change, in time order.</summary>
    public List<ItemChange> Changes { get; } = [];
    public required DateTime CurrentPeriodStart { get; set; }
    public required DateTime CurrentPeriodEnd { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    public DateTime? CancelAt { get; set; }
    public DateTime? CanceledAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? CancellationReason { get; set; }
    public string? CancellationFeedback { get; set; }
    public string? CancellationComment { get; set; }
    public List<PlannedDiscount> Discounts { get; } = [];
    /// <summary>When the subscription started counting towards MRR (trial end or start); null when it never did.</summary>
    public DateTime? MrrFrom { get; set; }
    /// <summary>When it stopped (ended, or gave up on payment); null while it still counts.</summary>
    public DateTime? MrrUntil { get; set; }
    public List<PlannedInvoice> Invoices { get; } = [];

    public bool IsLive => Status is "trialing" or "active" or "past_due" or "unpaid" or "incomplete" or "paused";

    /// <summary>The discounts Stripe still lists on the subscription at <paramref name="time"/>.</summary>
    public IEnumerable<PlannedDiscount> DiscountsAt(DateTime time) => Discounts.Where(d => d.AppliesAt(time));

    /// <summary>The items at <paramref name="time"/>: the initial ones with every change up to and including that time applied.</summary>
    public List<SubscriptionItemPlan> ItemsAt(DateTime time)
    {
        var items = InitialItems.ToList();
        foreach (var change in Changes)
        {
            if (change.At > time)
                break;
            var index = items.FindIndex(i => i.Id == change.ItemId);
            items[index] = items[index] with { Price = change.Price, Quantity = change.Quantity };
        }
        return items;
    }

    /// <summary>Adds a change and keeps <see cref="Changes"/> in time order.</summary>
    public void AddChange(ItemChange change)
    {
        var index = Changes.FindLastIndex(c => c.At <= change.At);
        Changes.Insert(index + 1, change);
    }
}
