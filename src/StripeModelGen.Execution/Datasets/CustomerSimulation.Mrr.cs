namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// MRR: when each subscription counts, the changes made without proration (drawn from the extras
/// stream so the customer's other rows keep their random numbers), and the resulting
/// <c>subscription_item_change_events</c>, <c>subscription_items</c> and <c>discounts</c> rows.
/// </summary>
internal sealed partial class CustomerSimulation
{
    /// <summary>
    /// Stripe's MRR counts <c>active</c> and <c>past_due</c> subscriptions: from the end of the trial (or
    /// the start) until the subscription ends or becomes <c>unpaid</c> (the last retry fails). Trialing,
    /// paused and incomplete subscriptions never count.
    /// </summary>
    private void SetMrrWindow(PlannedSubscription subscription, List<DateTime> cycles, int failingIndex)
    {
        if (subscription.Status is "trialing" or "paused" or "incomplete" or "incomplete_expired")
            return;
        var from = subscription.TrialEnd ?? subscription.Start;
        DateTime? until = subscription.Status switch
        {
            "canceled" => subscription.EndedAt,
            "unpaid" => (failingIndex == 0 && subscription.TrialEnd is null ? cycles[failingIndex] : cycles[failingIndex].AddHours(1)) + RetrySchedule[^1],
            _ => null,
        };
        if (from >= _reference || until <= from)
            return;
        subscription.MrrFrom = from;
        subscription.MrrUntil = until;
    }

    /// <summary>
    /// Changes made with <c>proration_behavior=none</c>: an upgrade and its downgrade on the same day
    /// (Basic ↔ Pro), and seat changes on the tiered Team workspace price (inside the flat first tier
    /// they leave MRR unchanged: quantity-only events).
    /// </summary>
    private void PlanUnproratedChanges(PlannedSubscription subscription, List<DateTime> cycles, PlanChangePlan? change)
    {
        var x = _extras;
        if (subscription.MrrFrom is not { } from)
            return;
        var until = subscription.MrrUntil ?? _reference;
        var interval = subscription.InitialItems[0].Price;

        if (interval.Interval == "month" && x.Chance(0.15))
        {
            var candidates = new List<(DateTime Start, DateTime End)>();
            for (var p = 1; p < cycles.Count; p++)
            {
                var start = cycles[p];
                var end = p + 1 < cycles.Count ? cycles[p + 1] : interval.NextPeriod(start, 1);
                if (start < from || start >= until || (change is not null && change.At >= start && change.At < end))
                    continue;
                var licensed = subscription.ItemsAt(start).Where(i => !i.Price.IsMetered).ToList();
                if (licensed.Count == 1 && licensed[0].Price.Kind is PlanKind.BasicMonthly or PlanKind.ProMonthly)
                    candidates.Add((start, end));
            }
            if (candidates.Count > 0)
            {
                var (start, end) = x.Pick(candidates);
                var up = start.Date.AddDays(x.Between(2, 20)).AddHours(7) + x.Duration(TimeSpan.Zero, TimeSpan.FromHours(4));
                var down = up + x.Duration(TimeSpan.FromHours(1), TimeSpan.FromHours(5));
                if (up > start && down < end && down < until)
                {
                    var item = subscription.ItemsAt(up).First(i => !i.Price.IsMetered);
                    var other = _catalog.Get(item.Price.Kind == PlanKind.BasicMonthly ? PlanKind.ProMonthly : PlanKind.BasicMonthly, _currency);
                    subscription.AddChange(new ItemChange(up, item.Id, other, item.Quantity, Prorated: false));
                    subscription.AddChange(new ItemChange(down, item.Id, item.Price, item.Quantity, Prorated: false));
                }
            }
        }

        var tiered = subscription.InitialItems.FirstOrDefault(i => i.Price.IsTiered);
        if (tiered is not null && x.Chance(0.75))
        {
            var first = (change is not null && change.At > from ? change.At : from).AddDays(1);
            var last = until.AddDays(-1);
            if (last > first)
            {
                var count = x.Between(1, 3);
                var times = Enumerable.Range(0, count).Select(_ => x.Time(first, last)).Distinct().Order().ToList();
                foreach (var time in times)
                {
                    var current = subscription.ItemsAt(time).First(i => i.Id == tiered.Id);
                    var seats = current.Quantity;
                    var next = seats <= 5
                        ? x.Pick(Enumerable.Range(1, 5).Select(n => (long)n).Where(n => n != seats).ToList())
                        : Math.Max(1, seats + (x.Chance(0.5) ? x.Between(1L, 4L) : -x.Between(1L, 4L)));
                    if (next != seats)
                        subscription.AddChange(new ItemChange(time, tiered.Id, current.Price, next, Prorated: false));
                }
            }
        }
    }

    /// <summary>
    /// The item's monthly recurring revenue: a twelfth of a yearly price, less forever discounts
    /// (repeating coupons do not reduce MRR), rounded to the currency's step; metered items have none.
    /// </summary>
    private long Mrr(PlannedSubscription subscription, SubscriptionItemPlan item)
    {
        if (item.Price.IsMetered)
            return 0;
        var forever = subscription.Discounts.Where(d => d.Coupon.IsForever).Sum(d => d.Coupon.Rate);
        return Currencies.RoundToStep(item.Price.MonthlyAmount(item.Quantity) * (1 - forever), _currency);
    }

    /// <summary>
    /// The subscription's MRR events: ACTIVE_START per item when it starts counting, an upgrade or
    /// downgrade when an item's MRR changes (a price or seat change), a quantity increase or decrease
    /// when only the quantity changes, ACTIVE_END per item when it stops counting.
    /// </summary>
    private List<SubscriptionItemChangeEventRow> ChangeEventRows(PlannedSubscription subscription)
    {
        var rows = new List<SubscriptionItemChangeEventRow>();
        if (subscription.MrrFrom is not { } from)
            return rows;
        var until = subscription.MrrUntil;
        SubscriptionItemChangeEventRow Event(DateTime at, string type, SubscriptionItemPlan item, long mrr, long quantity) => new()
        {
            SubscriptionItemId = item.Id,
            EventTimestamp = at,
            EventType = type,
            SubscriptionId = subscription.Id,
            CustomerId = _id,
            ProductId = item.Price.ProductId,
            PriceId = item.Price.Id,
            Currency = _currency,
            MrrChange = mrr,
            QuantityChange = quantity,
            LocalEventTimestamp = SampleAccount.ToLocal(at),
        };

        var state = subscription.ItemsAt(from).Where(i => !i.Price.IsMetered).ToList();
        foreach (var item in state)
            rows.Add(Event(from, "ACTIVE_START", item, Mrr(subscription, item), item.Quantity));
        foreach (var change in subscription.Changes)
        {
            if (change.At <= from)
                continue;
            if (until is { } end && change.At >= end)
                break;
            var index = state.FindIndex(i => i.Id == change.ItemId);
            var before = state[index];
            var after = before with { Price = change.Price, Quantity = change.Quantity };
            state[index] = after;
            var mrr = Mrr(subscription, after) - Mrr(subscription, before);
            var quantity = after.Quantity - before.Quantity;
            var type = mrr > 0 ? "ACTIVE_UPGRADE"
                : mrr < 0 ? "ACTIVE_DOWNGRADE"
                : quantity > 0 ? "ACTIVE_QUANTITY_INCREASE"
                : quantity < 0 ? "ACTIVE_QUANTITY_DECREASE"
                : null;
            if (type is not null)
                rows.Add(Event(change.At, type, after, mrr, quantity));
        }
        if (until is { } ended)
        {
            foreach (var item in state)
                rows.Add(Event(ended, "ACTIVE_END", item, -Mrr(subscription, item), -item.Quantity));
        }
        return rows;
    }

    private static IEnumerable<SubscriptionItemRow> SubscriptionItemRows(PlannedSubscription subscription) =>
        subscription.Items.Select(item => new SubscriptionItemRow
        {
            Id = item.Id,
            SubscriptionId = subscription.Id,
            Subscription = subscription.Id,
            Created = Epoch(subscription.Start),
            Quantity = item.Price.IsMetered ? null : item.Quantity,
            PriceId = item.Price.Id,
            PriceProductId = item.Price.ProductId,
            PriceCurrency = item.Price.Currency,
            PriceUnitAmount = item.Price.IsTiered ? null : item.Price.UnitAmount,
            PriceNickname = item.Price.Nickname,
            PriceRecurringInterval = item.Price.Interval!,
            PriceRecurringIntervalCount = 1,
            PriceCreated = item.Price.Created,
            PlanId = item.Price.Id,
            PlanProductId = item.Price.ProductId,
            PlanCurrency = item.Price.Currency,
            PlanAmount = item.Price.IsTiered ? null : item.Price.UnitAmount,
            PlanNickname = item.Price.Nickname,
            PlanInterval = item.Price.Interval!,
            PlanIntervalCount = 1,
            PlanCreated = item.Price.Created,
        });

    private IEnumerable<DiscountRow> DiscountRows(PlannedSubscription subscription) =>
        subscription.Discounts.Select(discount => new DiscountRow
        {
            Id = discount.Id,
            CouponId = discount.Coupon.Id,
            PromotionCodeId = discount.PromotionCodeId,
            CustomerId = _id,
            SubscriptionId = subscription.Id,
            Created = discount.Created,
            End = discount.End is { } end ? Epoch(end) : null,
        });

    /// <summary>Whole seconds since 1970-01-01 UTC.</summary>
    internal static long Epoch(DateTime time) => (time.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
}
