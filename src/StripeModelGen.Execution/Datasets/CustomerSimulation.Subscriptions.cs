using System.Globalization;

namespace StripeModelGen.Execution.Datasets;

internal sealed partial class CustomerSimulation
{
    private static readonly TimeSpan TrialLength = TimeSpan.FromDays(14);

    private void PlanSubscriptions()
    {
        var random = _random;
        var earliest = Min(_created + random.Duration(TimeSpan.Zero, TimeSpan.FromDays(5)), _reference.AddHours(-2));
        var status = random.Weighted(
            ("active", 50), ("trialing", 6), ("past_due", 8), ("canceled", 20), ("unpaid", 5),
            ("incomplete", 3), ("incomplete_expired", 3), ("paused", 5));
        var first = PlanSubscription(status, earliest);
        if (first.EndedAt is { } ended && ended < _reference.AddDays(-10) && random.Chance(0.35))
        {
            // Came back later: a second subscription (a reactivation for MRR).
            var restart = Min(ended + random.Duration(TimeSpan.FromDays(1), TimeSpan.FromDays(120)), _reference.AddHours(-2));
            PlanSubscription(random.Weighted(("active", 60), ("trialing", 5), ("past_due", 10), ("canceled", 20), ("unpaid", 5)), restart);
        }
    }

    private PlannedSubscription PlanSubscription(string status, DateTime earliest)
    {
        var random = _random;
        var items = PlanItems();
        var price = items[0].Price;
        var sendInvoice = status is "active" or "canceled" && random.Chance(0.15);
        var collection = sendInvoice ? "send_invoice" : "charge_automatically";
        var wantsTrial = random.Chance(0.25);
        // A forever coupon (every invoice) or a three-month one (the first three charged invoices).
        var coupon = random.Chance(0.12)
            ? random.Weighted<(string? Id, decimal Rate, int Months)>((("LAUNCH20", 0.20m, int.MaxValue), 2), (("WELCOME25", 0.25m, 3), 1))
            : default;
        var reason = status == "canceled"
            ? random.Weighted(("cancellation_requested", 75), ("payment_failed", sendInvoice ? 0 : 20), ("payment_disputed", 5))
            : null;

        // Fall back to a status that fits the time left before the reference.
        if (status == "paused" && earliest > _reference.AddDays(-15))
            status = "trialing";
        if (status == "incomplete_expired" && earliest > _reference.AddDays(-2))
            status = "incomplete";
        if (status == "canceled" && earliest > _reference.AddDays(-30))
            status = "active";

        DateTime start;
        DateTime? trialEnd = null;
        DateTime anchor;
        var failingIndex = -1; // the cycle invoice whose payment fails
        DateTime? cutoff = null; // no cycle invoices from here on
        switch (status)
        {
            case "trialing":
                start = random.Time(Max(earliest, _reference.AddDays(-13)), _reference.AddHours(-1));
                trialEnd = start + TrialLength;
                anchor = trialEnd.Value;
                break;
            case "paused":
                start = random.Time(earliest, _reference.AddDays(-15));
                trialEnd = start + TrialLength;
                anchor = trialEnd.Value;
                cutoff = anchor;
                break;
            case "incomplete":
                start = random.Time(Max(earliest, _reference.AddHours(-22)), _reference.AddHours(-1));
                anchor = start;
                collection = "charge_automatically";
                break;
            case "incomplete_expired":
                start = random.Time(earliest, _reference.AddDays(-2));
                anchor = start;
                break;
            case "past_due":
            case "unpaid":
            {
                var key = status == "past_due"
                    ? _reference - random.Duration(TimeSpan.FromHours(2), TimeSpan.FromDays(11))
                    : _reference - random.Duration(TimeSpan.FromDays(19), TimeSpan.FromDays(45));
                var trial = wantsTrial;
                var found = AnchorBefore(key, price, trial ? earliest + TrialLength : earliest, trial ? 0 : 1);
                if (found is null && trial)
                {
                    trial = false;
                    found = AnchorBefore(key, price, earliest, 1);
                }
                if (found is null)
                {
                    status = "active";
                    goto case "active";
                }
                anchor = found.Value;
                start = trial ? anchor - TrialLength : anchor;
                trialEnd = trial ? anchor : null;
                failingIndex = Cycles(anchor, price, _reference).FindLastIndex(t => t <= key);
                break;
            }
            case "canceled":
                start = random.Time(earliest, _reference.AddDays(-30));
                if (wantsTrial && start + TrialLength < _reference.AddDays(-15))
                    trialEnd = start + TrialLength;
                anchor = trialEnd ?? start;
                break;
            case "active":
            default:
                start = random.Time(earliest, _reference.AddHours(-1));
                if (wantsTrial && start + TrialLength < _reference.AddHours(-1))
                    trialEnd = start + TrialLength;
                anchor = trialEnd ?? start;
                break;
        }

        // Usage-based add-ons (drawn from the extras stream): metered API requests, sometimes image generations too.
        if (price.Interval == "month" && status is "active" or "past_due" or "canceled" or "unpaid" && _extras.Chance(0.12))
        {
            items.Add(new SubscriptionItemPlan(_extras.Id("si_", 14), _catalog.Get(PlanKind.ApiRequests, _currency), 0));
            if (_extras.Chance(0.5))
                items.Add(new SubscriptionItemPlan(_extras.Id("si_", 14), _catalog.Get(PlanKind.ImageGenerations, _currency), 0));
        }

        var subscription = new PlannedSubscription
        {
            Id = random.Id("sub_"),
            Status = status,
            CollectionMethod = collection,
            Start = start,
            TrialEnd = trialEnd,
            Anchor = anchor,
            Items = items,
            InitialItems = [.. items],
            CurrentPeriodStart = start,
            CurrentPeriodEnd = trialEnd ?? price.NextPeriod(start, 1),
        };
        if (coupon.Id is { } couponId)
        {
            // The coupon becomes a discount object; some came with a promotion code, and a forever
            // launch discount is sometimes stacked with the partner programme's (two discounts).
            var applied = _catalog.Coupon(couponId);
            subscription.Discounts.Add(new PlannedDiscount(_extras.Id("di_", 24), applied, _extras.Chance(0.6) ? applied.PromotionCodeId : null, start));
            if (applied.IsForever && _extras.Chance(0.35))
            {
                var partner = _catalog.Coupon(PriceCatalog.Partner);
                subscription.Discounts.Add(new PlannedDiscount(_extras.Id("di_", 24), partner, partner.PromotionCodeId, start));
            }
        }

        var cycles = Cycles(anchor, price, cutoff ?? _reference);
        if (status is "trialing" or "paused")
            cycles.Clear();
        if (status is "incomplete" or "incomplete_expired")
            cycles.RemoveRange(1, cycles.Count - 1);

        if (status == "canceled" && reason == "payment_failed")
        {
            var latestFailure = _reference - TimeSpan.FromDays(16) - TimeSpan.FromHours(2);
            var candidates = Enumerable.Range(0, cycles.Count).Where(k => (k > 0 || trialEnd is not null) && cycles[k] < latestFailure).ToList();
            if (candidates.Count > 0)
            {
                failingIndex = random.Pick(candidates);
                cycles.RemoveRange(failingIndex + 1, cycles.Count - failingIndex - 1);
                var canceledAt = cycles[failingIndex].AddHours(1) + RetrySchedule[^1];
                subscription.CanceledAt = canceledAt;
                subscription.EndedAt = canceledAt;
                subscription.CancellationReason = "payment_failed";
            }
            else
            {
                reason = "cancellation_requested";
            }
        }
        if (status == "canceled" && reason != "payment_failed")
        {
            var requested = random.Time(start.AddHours(1), _reference.AddDays(-1));
            var atPeriodEnd = reason == "cancellation_requested" && random.Chance(0.5);
            var ended = requested;
            if (atPeriodEnd)
            {
                var periodStart = cycles.LastOrDefault(t => t <= requested);
                ended = requested < anchor ? anchor : price.NextPeriod(periodStart == default ? anchor : periodStart, 1);
            }
            subscription.CanceledAt = requested;
            subscription.CancelAtPeriodEnd = atPeriodEnd;
            subscription.CancelAt = atPeriodEnd ? ended : null;
            subscription.CancellationReason = reason;
            if (reason == "cancellation_requested" && random.Chance(0.6))
                subscription.CancellationFeedback = random.Pick(People.CancellationFeedback);
            if (reason == "cancellation_requested" && random.Chance(0.15))
                subscription.CancellationComment = random.Pick(["Budget cuts this quarter.", "Moving to an in-house tool.", "We only needed it for one project."]);
            if (ended >= _reference)
            {
                subscription.Status = "active"; // cancels at the end of the current period
                subscription.CancellationReason = null;
            }
            else
            {
                subscription.EndedAt = ended;
                cycles.RemoveAll(t => t >= ended);
            }
        }
        else if (status == "active" && random.Chance(0.08))
        {
            var periodStart = cycles.Count > 0 ? cycles[^1] : start;
            subscription.CancelAtPeriodEnd = true;
            subscription.CancelAt = cycles.Count > 0 ? price.NextPeriod(periodStart, 1) : subscription.CurrentPeriodEnd;
            subscription.CanceledAt = random.Time(periodStart, _reference);
            subscription.CancellationFeedback = random.Chance(0.5) ? random.Pick(People.CancellationFeedback) : null;
        }
        else if (status == "incomplete_expired")
        {
            subscription.EndedAt = start.AddHours(23);
        }

        var status2 = subscription.Status;
        if (cycles.Count > 0 && status2 is not ("incomplete" or "incomplete_expired"))
        {
            subscription.CurrentPeriodStart = cycles[^1];
            subscription.CurrentPeriodEnd = price.NextPeriod(cycles[^1], 1);
        }

        PlanInvoices(subscription, cycles, failingIndex);
        if (status2 == "canceled" && reason == "payment_disputed")
        {
            var disputed = subscription.Invoices.LastOrDefault(i => i.Fate == InvoiceFate.Paid && i.FinalizedAt is not null && i.Lines.Sum(l => l.Amount) > 0);
            if (disputed is not null)
                disputed.DisputeCharge = true;
            else
                subscription.CancellationReason = "cancellation_requested";
        }
        _subscriptions.Add(subscription);
        return subscription;
    }

    private List<SubscriptionItemPlan> PlanItems()
    {
        var random = _random;
        var kind = random.Weighted(("basic", 35), ("pro", 30), ("pro_yearly", 12), ("team", 15), ("pro_team", 8));
        SubscriptionItemPlan Item(PlanKind plan, long quantity) => new(random.Id("si_", 14), _catalog.Get(plan, _currency), quantity);
        return kind switch
        {
            "basic" => [Item(PlanKind.BasicMonthly, 1)],
            "pro" => [Item(PlanKind.ProMonthly, 1)],
            "pro_yearly" => [Item(PlanKind.ProYearly, 1)],
            "team" => TeamItems(random.Between(2L, 25L)),
            _ => [Item(PlanKind.ProMonthly, 1), Item(PlanKind.TeamSeatMonthly, random.Between(2L, 10L))],
        };

        // Some teams are on the graduated Team workspace price instead (five seats for a flat fee).
        List<SubscriptionItemPlan> TeamItems(long seats) => _extras.Chance(0.4)
            ? [Item(PlanKind.TeamTieredMonthly, _extras.Between(2L, 9L))]
            : [Item(PlanKind.TeamSeatMonthly, seats)];
    }

    /// <summary>The billing period boundaries from the anchor that start before <paramref name="until"/>.</summary>
    private static List<DateTime> Cycles(DateTime anchor, SamplePrice price, DateTime until)
    {
        var cycles = new List<DateTime>();
        for (var k = 0; ; k++)
        {
            var boundary = price.NextPeriod(anchor, k);
            if (boundary >= until)
                return cycles;
            cycles.Add(boundary);
        }
    }

    /// <summary>An anchor a whole number of periods (at least <paramref name="minPeriods"/>) before <paramref name="key"/>, not before <paramref name="minAnchor"/>.</summary>
    private DateTime? AnchorBefore(DateTime key, SamplePrice price, DateTime minAnchor, int minPeriods)
    {
        var maxPeriods = 0;
        while (maxPeriods < 36 && price.NextPeriod(key, -(maxPeriods + 1)) >= minAnchor)
            maxPeriods++;
        if (maxPeriods < minPeriods || price.NextPeriod(key, -minPeriods) < minAnchor)
            return null;
        return price.NextPeriod(key, -_random.Between(minPeriods, maxPeriods));
    }

    private void PlanInvoices(PlannedSubscription subscription, List<DateTime> cycles, int failingIndex)
    {
        var random = _random;
        var status = subscription.Status;
        var interval = subscription.InitialItems[0].Price;

        if (subscription.TrialEnd is { } trialEnd)
        {
            var trialInvoice = NewSubscriptionInvoice(subscription, subscription.Start, "subscription_create", subscription.Start, subscription.Start, []);
            trialInvoice.FinalizedAt = subscription.Start;
            foreach (var item in subscription.InitialItems.Where(i => !i.Price.IsMetered))
            {
                trialInvoice.Lines.Add(SubscriptionLine(subscription, item, trialInvoice.Created, subscription.Start, trialEnd, 0,
                    $"Trial period for {item.Price.Product}", random));
            }
            subscription.Invoices.Add(trialInvoice);
        }

        // A plan change inside one period: prorations on the next cycle's invoice.
        var change = PlanChange(subscription, cycles, failingIndex);
        if (change is not null)
            subscription.AddChange(new ItemChange(change.At, change.NewItems[0].Id, change.NewItems[0].Price, change.NewItems[0].Quantity, Prorated: true));
        SetMrrWindow(subscription, cycles, failingIndex);
        PlanUnproratedChanges(subscription, cycles, change);
        var usage = PlanUsage(subscription);

        for (var k = 0; k < cycles.Count; k++)
        {
            var t = cycles[k];
            var create = k == 0 && subscription.TrialEnd is null;
            var periodStart = k > 0 ? cycles[k - 1] : subscription.Start;
            var invoice = NewSubscriptionInvoice(subscription, t, create ? "subscription_create" : "subscription_cycle",
                create ? t : periodStart, t, [.. subscription.Discounts.Where(d => d.AppliesAt(t))]);
            var periodEnd = interval.NextPeriod(t, 1);
            var items = subscription.ItemsAt(t);
            foreach (var item in items.Where(i => !i.Price.IsMetered))
                invoice.Lines.Add(SubscriptionLine(subscription, item, t, t, periodEnd, item.Amount, LineDescription(item), random));
            if (k > 0)
            {
                // Usage is billed in arrears: the previous period's usage on this invoice.
                foreach (var item in items.Where(i => i.Price.IsMetered))
                    invoice.Lines.Add(MeteredLine(subscription, item, t, cycles[k - 1], usage[item.Id]));
            }
            if (change is { } p && k == p.CycleIndex + 1)
                AddProrations(subscription, invoice, subscription.Invoices[^1], p);

            var finalizedAt = create ? t : t.AddHours(1);
            if (finalizedAt >= _reference || (status == "unpaid" && k > failingIndex))
            {
                invoice.Fate = InvoiceFate.Draft;
                invoice.FinalizedAt = null;
                invoice.AutoAdvance = status != "unpaid";
            }
            else
            {
                invoice.FinalizedAt = finalizedAt;
                invoice.Fate = k != failingIndex ? (subscription.CollectionMethod == "send_invoice" && random.Chance(0.1) ? InvoiceFate.PaidOutOfBand : InvoiceFate.Paid)
                    : status switch
                    {
                        "past_due" => InvoiceFate.Retrying,
                        "incomplete" => InvoiceFate.IncompleteOpen,
                        "incomplete_expired" => InvoiceFate.IncompleteVoid,
                        _ => random.Chance(0.5) ? InvoiceFate.ExhaustedOpen : InvoiceFate.ExhaustedUncollectible,
                    };
                if (invoice.Fate == InvoiceFate.IncompleteVoid)
                    invoice.FateTime = t.AddHours(23);
            }
            subscription.Invoices.Add(invoice);
        }
        if (status is "incomplete" or "incomplete_expired")
        {
            var first = subscription.Invoices[^1];
            first.Fate = status == "incomplete" ? InvoiceFate.IncompleteOpen : InvoiceFate.IncompleteVoid;
            first.FinalizedAt = first.Created;
            first.FateTime = status == "incomplete" ? null : first.Created.AddHours(23);
        }
        subscription.Items = subscription.ItemsAt(DateTime.MaxValue);
    }

    private static string LineDescription(SubscriptionItemPlan item)
    {
        var quantity = item.Quantity.ToString(CultureInfo.InvariantCulture);
        return item.Price.IsTiered
            ? $"{quantity} × {item.Price.Product} (tiered, {PriceCatalog.FormatMoney(item.Amount, item.Price.Currency)} / {item.Price.Interval})"
            : $"{quantity} × {item.Price.Product} (at {PriceCatalog.FormatMoney(item.Price.UnitAmount, item.Price.Currency)} / {item.Price.Interval})";
    }

    private PlannedInvoice NewSubscriptionInvoice(PlannedSubscription subscription, DateTime created, string billingReason,
        DateTime periodStart, DateTime periodEnd, IReadOnlyList<PlannedDiscount> discounts) => new()
    {
        Id = _random.Id("in_"),
        SubscriptionId = subscription.Id,
        Created = created,
        CollectionMethod = subscription.CollectionMethod,
        BillingReason = billingReason,
        DaysUntilDue = subscription.CollectionMethod == "send_invoice" ? 30 : null,
        PeriodStart = periodStart,
        PeriodEnd = periodEnd,
        Discounts = discounts,
        Fate = InvoiceFate.Paid,
    };

    private static PlannedLine SubscriptionLine(PlannedSubscription subscription, SubscriptionItemPlan item, DateTime invoiceCreated,
        DateTime periodStart, DateTime periodEnd, long amount, string description, SampleRandom random) => new()
    {
        Id = invoiceCreated < SampleData.LegacyLineIdsUntil ? item.LegacyLineId : random.Id("il_"),
        SubscriptionId = subscription.Id,
        SubscriptionColumnBlank = random.Chance(0.25),
        SubscriptionItemId = item.Id,
        SourceType = "subscription",
        Price = item.Price,
        Description = description,
        Quantity = item.Quantity,
        Amount = amount,
        PeriodStart = periodStart,
        PeriodEnd = periodEnd,
    };

    private sealed record PlanChangePlan(int CycleIndex, DateTime PeriodStart, DateTime PeriodEnd, DateTime At, List<SubscriptionItemPlan> OldItems, List<SubscriptionItemPlan> NewItems);

    /// <summary>An upgrade, downgrade or seat change of single-item monthly subscriptions, kept small enough that the next invoice stays positive.</summary>
    private PlanChangePlan? PlanChange(PlannedSubscription subscription, List<DateTime> cycles, int failingIndex)
    {
        var random = _random;
        var licensed = subscription.InitialItems.Where(i => !i.Price.IsMetered).ToList();
        if (licensed.Count != 1 || licensed[0].Price.Interval != "month" || cycles.Count < 3 || !random.Chance(0.2))
            return null;
        var lastChangeable = (failingIndex >= 0 ? failingIndex - 1 : cycles.Count - 1) - 1; // the next cycle's invoice must be a normal one
        if (lastChangeable < 0)
            return null;
        var j = random.Between(0, lastChangeable);
        var old = licensed[0];
        var periodStart = cycles[j];
        var periodEnd = cycles[j + 1];
        var length = periodEnd - periodStart;
        SubscriptionItemPlan replacement;
        bool downgrade;
        switch (old.Price.Nickname)
        {
            case "Basic monthly":
                replacement = old with { Price = _catalog.Get(PlanKind.ProMonthly, _currency) };
                downgrade = false;
                break;
            case "Pro monthly":
                replacement = old with { Price = _catalog.Get(PlanKind.BasicMonthly, _currency) };
                downgrade = true;
                break;
            default:
                downgrade = old.Quantity >= 2 && random.Chance(0.4);
                replacement = old with { Quantity = downgrade ? random.Between((old.Quantity + 1) / 2, old.Quantity - 1) : old.Quantity + random.Between(1L, 5L) };
                break;
        }
        // A downgrade late in the period keeps credit(old) < charge(new full period) + remaining(new).
        var from = downgrade ? periodStart + length * 0.6 : periodStart.AddHours(1);
        var at = random.Time(from, periodEnd.AddHours(-1));
        return new PlanChangePlan(j, periodStart, periodEnd, at, [old], [replacement]);
    }

    private void AddProrations(PlannedSubscription subscription, PlannedInvoice invoice, PlannedInvoice credited, PlanChangePlan change)
    {
        var random = _random;
        var (periodStart, periodEnd) = (change.PeriodStart, change.PeriodEnd);
        var fraction = (decimal)((periodEnd - change.At).TotalSeconds / (periodEnd - periodStart).TotalSeconds);
        var date = change.At.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        foreach (var old in change.OldItems)
        {
            var creditedLine = credited.Lines.FirstOrDefault(l => l.SubscriptionItemId == old.Id && !l.Proration);
            var itemId = random.Id("ii_");
            invoice.Lines.Add(new PlannedLine
            {
                Id = LineId(invoice.Created, itemId),
                InvoiceItemId = itemId,
                SubscriptionId = subscription.Id,
                SubscriptionItemId = old.Id,
                SourceType = "invoiceitem",
                Price = old.Price,
                Description = $"Unused time on {old.Quantity.ToString(CultureInfo.InvariantCulture)} × {old.Price.Product} after {date}",
                Proration = true,
                Quantity = old.Quantity,
                Amount = -Currencies.RoundToStep(old.Amount * fraction, _currency),
                PeriodStart = change.At,
                PeriodEnd = periodEnd,
                CreditedInvoiceId = credited.Id,
                CreditedLineId = creditedLine?.Id,
            });
        }
        foreach (var item in change.NewItems)
        {
            var itemId = random.Id("ii_");
            invoice.Lines.Add(new PlannedLine
            {
                Id = LineId(invoice.Created, itemId),
                InvoiceItemId = itemId,
                SubscriptionId = subscription.Id,
                SubscriptionItemId = item.Id,
                SourceType = "invoiceitem",
                Price = item.Price,
                Description = $"Remaining time on {item.Quantity.ToString(CultureInfo.InvariantCulture)} × {item.Price.Product} after {date}",
                Proration = true,
                Quantity = item.Quantity,
                Amount = Currencies.RoundToStep(item.Amount * fraction, _currency),
                PeriodStart = change.At,
                PeriodEnd = periodEnd,
            });
        }
    }

    private SubscriptionRow ToRow(PlannedSubscription subscription)
    {
        var single = subscription.Items.Count == 1 ? subscription.Items[0] : null;
        var trial = subscription.TrialEnd is not null;
        return new SubscriptionRow
        {
            Id = subscription.Id,
            CustomerId = _id,
            Status = subscription.Status,
            Billing = subscription.CollectionMethod,
            DaysUntilDue = subscription.CollectionMethod == "send_invoice" ? 30 : null,
            PriceId = single?.Price.Id,
            PlanId = single?.Price.Id,
            Quantity = single?.Quantity,
            Created = subscription.Start,
            StartDate = subscription.Start,
            BillingCycleAnchor = subscription.Anchor,
            CurrentPeriodStart = subscription.CurrentPeriodStart,
            CurrentPeriodEnd = subscription.CurrentPeriodEnd,
            TrialStart = trial ? subscription.Start : null,
            TrialEnd = subscription.TrialEnd,
            TrialSettingsEndBehaviorMissingPaymentMethod = trial ? (subscription.Status == "paused" ? "pause" : "create_invoice") : null,
            CancelAtPeriodEnd = subscription.CancelAtPeriodEnd,
            CancelAt = subscription.CancelAt,
            CanceledAt = subscription.CanceledAt,
            EndedAt = subscription.EndedAt,
            CancellationDetailsReason = subscription.CancellationReason,
            CancellationDetailsFeedback = subscription.CancellationFeedback,
            CancellationDetailsComment = subscription.CancellationComment,
            LatestInvoiceId = subscription.Invoices.Count > 0 ? subscription.Invoices[^1].Id : null,
            DefaultPaymentMethodId = subscription.CollectionMethod == "charge_automatically" && subscription.Status != "paused" ? _card?.Id : null,
            DiscountCouponId = subscription.DiscountsAt(_reference).FirstOrDefault()?.Coupon.Id,
            Discounts = subscription.DiscountsAt(_reference).Any() ? string.Join(",", subscription.DiscountsAt(_reference).Select(d => d.Id)) : null,
            AutomaticTaxEnabled = Taxable,
        };
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
