using System.Globalization;

namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// Usage-based billing: the hourly usage of metered items (<c>billing_meter_event_summaries</c>),
/// the events the meters rejected (<c>billing_meter_invalid_events</c> and their payload), and the
/// metered lines that bill a period's usage on the next invoice. All drawn from the extras stream.
/// </summary>
internal sealed partial class CustomerSimulation
{
    private static readonly (string Code, int Weight)[] InvalidEventCodes =
        [("METER_NOT_FOUND", 40), ("CUSTOMER_NOT_FOUND", 25), ("INVALID_VALUE", 25), ("TIMESTAMP_TOO_FAR_IN_PAST", 10)];

    /// <summary>Hourly usage per metered item id, from the end of the trial until the subscription ends (or the reference time).</summary>
    private Dictionary<string, List<(DateTime Hour, long Value)>> PlanUsage(PlannedSubscription subscription)
    {
        var x = _extras;
        var usage = new Dictionary<string, List<(DateTime Hour, long Value)>>(StringComparer.Ordinal);
        var from = subscription.TrialEnd ?? subscription.Start;
        var until = Min(subscription.EndedAt ?? _reference, _reference);
        foreach (var item in subscription.InitialItems.Where(i => i.Price.IsMetered))
        {
            var meter = item.Price.Meter!;
            var hours = new List<(DateTime Hour, long Value)>();
            usage[item.Id] = hours;
            for (var day = from.Date; day < until; day = day.AddDays(1))
            {
                if (!x.Chance(0.6))
                    continue;
                var active = new SortedSet<int>();
                var count = x.Between(1, 3);
                while (active.Count < count)
                    active.Add(x.Between(7, 19));
                foreach (var h in active)
                {
                    var hour = day.AddHours(h);
                    var value = item.Price.Kind == PlanKind.ApiRequests ? x.Between(200L, 6000L) : x.Between(1L, 40L);
                    if (hour < from || hour.AddHours(1) > until)
                        continue;
                    hours.Add((hour, value));
                    _output.MeterEventSummaries.Add(new BillingMeterEventSummaryRow
                    {
                        Id = x.Id("mtrsum_", 24),
                        Livemode = true,
                        MeterId = meter.Id,
                        CustomerId = _id,
                        ValueGroupingWindow = "hourly",
                        StartTime = hour,
                        EndTime = hour.AddHours(1),
                        AggregatedValue = value,
                    });
                }
            }
            if (until > from)
                InvalidMeterEvents(meter, from, until);
        }
        return usage;
    }

    /// <summary>A few events the meter rejected: an unknown event name, an unknown customer, a negative value, a stale timestamp.</summary>
    private void InvalidMeterEvents(SampleMeter meter, DateTime from, DateTime until)
    {
        var x = _extras;
        var count = x.Weighted((0, 50), (1, 30), (2, 15), (3, 5));
        for (var i = 0; i < count; i++)
        {
            var code = x.Weighted(InvalidEventCodes);
            var received = x.Time(from, until);
            var created = code == "TIMESTAMP_TOO_FAR_IN_PAST" ? received.AddDays(-x.Between(36, 60)) : received - x.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
            var eventName = code == "METER_NOT_FOUND" ? meter.EventName + "s" : meter.EventName;
            var customer = code == "CUSTOMER_NOT_FOUND" ? x.Id("cus_", 14) : _id;
            var value = code == "INVALID_VALUE" ? "-" + x.Between(1, 50).ToString(CultureInfo.InvariantCulture) : x.Between(1, 500).ToString(CultureInfo.InvariantCulture);
            var id = x.Uuid();
            _output.MeterInvalidEvents.Add(new BillingMeterInvalidEventRow
            {
                Id = id,
                Livemode = true,
                MeterId = code == "METER_NOT_FOUND" ? null : meter.Id,
                Created = created,
                Received = received,
                ErrorCode = code,
                ErrorMessage = code switch
                {
                    "METER_NOT_FOUND" => $"No meter found matching event_name {eventName}.",
                    "CUSTOMER_NOT_FOUND" => $"No customer found with ID {customer}.",
                    "INVALID_VALUE" => $"The value {value} is not a positive integer.",
                    _ => "The event timestamp is more than 35 days in the past.",
                },
                EventName = eventName,
            });
            _output.MeterInvalidEventPayloads.Add(new BillingMeterInvalidEventPayloadRow { EventId = id, Key = "stripe_customer_id", Value = customer });
            _output.MeterInvalidEventPayloads.Add(new BillingMeterInvalidEventPayloadRow { EventId = id, Key = "value", Value = value });
        }
    }

    /// <summary>A metered item's line: the usage of [<paramref name="from"/>, <paramref name="invoiceCreated"/>), billed on the invoice created at the period's end.</summary>
    private PlannedLine MeteredLine(PlannedSubscription subscription, SubscriptionItemPlan item, DateTime invoiceCreated, DateTime from, List<(DateTime Hour, long Value)> usage)
    {
        var x = _extras;
        var price = item.Price;
        var used = usage.Where(u => u.Hour >= from && u.Hour < invoiceCreated).Sum(u => u.Value);
        var billed = price.DivideBy is { } divideBy ? (used + divideBy - 1) / divideBy : used;
        var unit = price.DivideBy is { } per ? $"{per.ToString("#,0", CultureInfo.InvariantCulture)} requests" : "image";
        return new PlannedLine
        {
            Id = invoiceCreated < SampleData.LegacyLineIdsUntil ? item.LegacyLineId : x.Id("il_"),
            SubscriptionId = subscription.Id,
            SubscriptionColumnBlank = x.Chance(0.25),
            SubscriptionItemId = item.Id,
            SourceType = "subscription",
            Price = price,
            Description = $"{billed.ToString(CultureInfo.InvariantCulture)} × {price.Product} (at {PriceCatalog.FormatMoney(price.UnitAmount, price.Currency)} / {unit})",
            Quantity = billed,
            Amount = price.AmountFor(used),
            PeriodStart = from,
            PeriodEnd = invoiceCreated,
            Metered = true,
        };
    }
}
