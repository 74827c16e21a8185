using System.Text.Json;
using StripeModelGen.Execution.Datasets;

namespace StripeModelGen.Integration.Tests.Datasets;

/// <summary>
/// <c>subscription_item_change_events</c>, <c>exchange_rates_from_usd</c> and <c>accounts</c>: the
/// events add up to each subscription's MRR as computed independently from its current items, prices
/// and coupons; the rates cover every day but one; the hard cases of the MRR issue are in seed 42.
/// </summary>
public sealed class MrrDataInvariantTests
{
    public static TheoryData<int, int> Seeds => SampleDataInvariantTests.Seeds;

    private static readonly string[] EventTypes =
        ["ACTIVE_START", "ACTIVE_END", "ACTIVE_UPGRADE", "ACTIVE_DOWNGRADE", "ACTIVE_QUANTITY_INCREASE", "ACTIVE_QUANTITY_DECREASE"];

    private static SampleDataset Dataset(int seed, int scale) => SampleDataInvariantTests.Dataset(seed, scale);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Events_are_consistent_with_subscriptions_items_and_prices(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var subscriptions = d.Subscriptions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var customers = d.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var items = d.SubscriptionItems.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var prices = d.Prices.ToDictionary(p => p.Id, StringComparer.Ordinal);

        foreach (var e in d.SubscriptionItemChangeEvents)
        {
            Assert.Contains(e.EventType, EventTypes);
            var subscription = subscriptions[e.SubscriptionId];
            Assert.Equal(subscription.CustomerId, e.CustomerId);
            Assert.Equal(e.SubscriptionId, items[e.SubscriptionItemId].SubscriptionId);
            Assert.Equal(customers[e.CustomerId].Currency, e.Currency);
            Assert.Equal((prices[e.PriceId].ProductId, prices[e.PriceId].Currency, "licensed"), (e.ProductId, e.Currency, prices[e.PriceId].RecurringUsageType));
            Assert.True(e.EventTimestamp >= (subscription.TrialEnd ?? subscription.StartDate) && e.EventTimestamp < d.ReferenceTime);
            Assert.Equal(0, e.MrrChange % Currencies.MinorUnitStep(e.Currency));
            Assert.Equal(Berlin(e.EventTimestamp), e.LocalEventTimestamp);
            switch (e.EventType)
            {
                case "ACTIVE_START":
                    Assert.True(e.MrrChange > 0 && e.QuantityChange > 0);
                    break;
                case "ACTIVE_END":
                    Assert.True(e.MrrChange < 0 && e.QuantityChange < 0);
                    break;
                case "ACTIVE_UPGRADE":
                    Assert.True(e.MrrChange > 0);
                    break;
                case "ACTIVE_DOWNGRADE":
                    Assert.True(e.MrrChange < 0);
                    break;
                default:
                    Assert.Equal(0, e.MrrChange); // quantity-only: no MRR movement
                    Assert.Equal(e.EventType == "ACTIVE_QUANTITY_INCREASE", e.QuantityChange > 0);
                    Assert.NotEqual(0, e.QuantityChange);
                    break;
            }
        }

        // Per item: the running MRR never goes below zero; it ends at zero exactly when the item ended.
        foreach (var item in d.SubscriptionItemChangeEvents.GroupBy(e => e.SubscriptionItemId))
        {
            var events = item.OrderBy(e => e.EventTimestamp).ThenBy(e => e.EventType == "ACTIVE_END").ToList();
            Assert.Equal("ACTIVE_START", events[0].EventType);
            long mrr = 0, quantity = 0;
            foreach (var e in events)
            {
                mrr += e.MrrChange;
                quantity += e.QuantityChange;
                Assert.True(mrr >= 0 && quantity >= 0, $"{item.Key}: negative running MRR or quantity");
            }
            var ended = events[^1].EventType == "ACTIVE_END";
            Assert.Equal(ended, mrr == 0);
            Assert.Equal(ended ? 0 : items[item.Key].Quantity, quantity);
            Assert.Equal(1, events.Count(e => e.EventType == "ACTIVE_START"));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Events_add_up_to_the_MRR_of_each_subscription_now(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var prices = d.Prices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var tiers = d.PriceTiers.ToLookup(t => t.PriceId, StringComparer.Ordinal);
        var coupons = d.Coupons.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var discounts = d.Discounts.ToLookup(x => x.SubscriptionId!, StringComparer.Ordinal);
        var items = d.SubscriptionItems.ToLookup(i => i.SubscriptionId, StringComparer.Ordinal);
        var events = d.SubscriptionItemChangeEvents.ToLookup(e => e.SubscriptionId, StringComparer.Ordinal);

        foreach (var subscription in d.Subscriptions)
        {
            var actual = events[subscription.Id].Sum(e => e.MrrChange);
            var counts = subscription.Status is "active" or "past_due" && events[subscription.Id].Any();
            long expected = 0;
            if (counts)
            {
                // Stripe's definition: monthly-normalised, after forever coupons; metered items excluded.
                var forever = discounts[subscription.Id].Select(x => coupons[x.CouponId]).Where(c => c.Duration == "forever").Sum(c => (decimal)c.PercentOff!.Value) / 100m;
                foreach (var item in items[subscription.Id])
                {
                    var price = prices[item.PriceId];
                    if (price.RecurringUsageType == "metered")
                        continue;
                    var amount = price.BillingScheme == "tiered" ? Graduated(tiers[price.Id].ToList(), item.Quantity!.Value) : price.UnitAmount!.Value * item.Quantity!.Value;
                    var monthly = price.RecurringInterval == "year" ? amount / 12m : amount;
                    expected += Currencies.RoundToStep(monthly * (1 - forever), price.Currency);
                }
            }
            Assert.True(expected == actual, $"{subscription.Id} ({subscription.Status}): events add up to {actual}, its items to {expected}");
        }
        // Every active subscription out of its trial counts.
        Assert.All(d.Subscriptions.Where(s => s.Status == "active"), s => Assert.NotEmpty(events[s.Id]));
        Assert.All(d.Subscriptions.Where(s => s.Status is "trialing" or "paused" or "incomplete" or "incomplete_expired"), s => Assert.Empty(events[s.Id]));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Exchange_rates_cover_every_day_but_one_and_every_currency(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var currencies = d.Charges.Select(c => c.Currency).Append("usd").Append(SampleAccount.DefaultCurrency).ToHashSet(StringComparer.Ordinal);
        var dates = d.ExchangeRates.Select(r => r.Date).ToList();

        Assert.Equal(ExchangeRates.FirstDate, dates[0]);
        Assert.Equal(d.ReferenceTime.Date, dates[^1]);
        Assert.True(dates[0] < d.SubscriptionItemChangeEvents.Min(e => e.LocalEventTimestamp).Date);
        var missing = Enumerable.Range(0, (int)(dates[^1] - dates[0]).TotalDays + 1).Select(i => dates[0].AddDays(i)).Except(dates).ToList();
        Assert.Equal([ExchangeRates.MissingDate(seed)], missing);
        Assert.InRange(missing[0], d.SubscriptionItemChangeEvents.Min(e => e.EventTimestamp), d.ReferenceTime);
        Assert.Equal(dates.Order(), dates);
        foreach (var row in d.ExchangeRates)
        {
            Assert.Equal("usd", row.SellCurrency);
            Assert.Equal(DateTimeKind.Utc, row.Date.Kind);
            Assert.Equal(TimeSpan.Zero, row.Date.TimeOfDay);
            using var json = JsonDocument.Parse(row.BuyCurrencyExchangeRates);
            var rates = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal);
            Assert.Superset(currencies, rates.Keys.ToHashSet(StringComparer.Ordinal));
            Assert.Equal(1m, rates["usd"]);
            Assert.All(rates.Values, rate => Assert.True(rate > 0));
            Assert.InRange(rates["jpy"], 100m, 200m);
            Assert.InRange(rates["eur"], 0.7m, 1.2m);
        }
    }

    [Fact]
    public void The_account_has_a_default_currency_other_than_usd_and_a_time_zone()
    {
        var d = Dataset(42, 1);

        var account = Assert.Single(d.Accounts);
        Assert.StartsWith("acct_", account.Id, StringComparison.Ordinal);
        Assert.Equal(("eur", "Europe/Berlin"), (account.DefaultCurrency, account.Timezone));
        Assert.True(account.Created < SampleData.HistoryStart);
        Assert.Equal(new DateTime(2025, 1, 15, 13, 0, 0), SampleAccount.ToLocal(new DateTime(2025, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2025, 7, 1, 14, 0, 0), SampleAccount.ToLocal(new DateTime(2025, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2025, 3, 30, 1, 59, 59), SampleAccount.ToLocal(new DateTime(2025, 3, 30, 0, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2025, 3, 30, 3, 0, 0), SampleAccount.ToLocal(new DateTime(2025, 3, 30, 1, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2025, 10, 26, 2, 59, 59), SampleAccount.ToLocal(new DateTime(2025, 10, 26, 0, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2025, 10, 26, 2, 0, 0), SampleAccount.ToLocal(new DateTime(2025, 10, 26, 1, 0, 0, DateTimeKind.Utc)));
    }

    /// <summary>The MRR issue's hard cases, each present in the seed-42 dataset the integration tests load.</summary>
    [Fact]
    public void The_seed_42_events_hold_every_hard_case_of_the_MRR_issue()
    {
        var d = Dataset(42, 1);
        var events = d.SubscriptionItemChangeEvents;

        // Reactivation: a customer's MRR goes from zero to positive more than once.
        Assert.Contains(events.GroupBy(e => e.CustomerId), customer => Starts(customer) >= 2);
        // An upgrade and a downgrade of one item on the same local day.
        Assert.Contains(events.GroupBy(e => (e.SubscriptionItemId, e.LocalEventTimestamp.Date)),
            day => day.Any(e => e.EventType == "ACTIVE_UPGRADE") && day.Any(e => e.EventType == "ACTIVE_DOWNGRADE"));
        // Quantity-only changes: quantity moves, MRR does not.
        Assert.Contains(events, e => e.EventType == "ACTIVE_QUANTITY_INCREASE" && e.MrrChange == 0);
        Assert.Contains(events, e => e.EventType == "ACTIVE_QUANTITY_DECREASE" && e.MrrChange == 0);
        // Several events of one customer at one timestamp (several items starting or ending together).
        Assert.Contains(events.GroupBy(e => (e.CustomerId, e.EventTimestamp)), g => g.Count() >= 2);
        Assert.Contains(events.Where(e => e.EventType == "ACTIVE_START").GroupBy(e => e.SubscriptionId), g => g.Select(e => e.SubscriptionItemId).Distinct().Count() >= 2);
        // Several currencies, JPY (zero decimals) and KWD (three) among them.
        Assert.Superset(new HashSet<string> { "usd", "eur", "jpy", "kwd" }, events.Select(e => e.Currency).ToHashSet(StringComparer.Ordinal));
        // Churn, upgrades and downgrades, and yearly prices counted a twelfth.
        Assert.Contains(events, e => e.EventType == "ACTIVE_END");
        Assert.Contains(events, e => e.EventType == "ACTIVE_UPGRADE" && e.QuantityChange > 0);
        Assert.Contains(events, e => e.EventType == "ACTIVE_DOWNGRADE" && e.QuantityChange == 0);
        Assert.Contains(events, e => d.Prices.Single(p => p.Id == e.PriceId).RecurringInterval == "year");
        // Events whose local date differs from their UTC date.
        Assert.Contains(events, e => e.LocalEventTimestamp.Date != e.EventTimestamp.Date);
        // The missing FX date falls inside the period with events.
        Assert.InRange(ExchangeRates.MissingDate(42), events.Min(e => e.EventTimestamp), events.Max(e => e.EventTimestamp));
    }

    /// <summary>How often a customer's MRR (events summed per timestamp) goes from zero to positive.</summary>
    private static int Starts(IEnumerable<SubscriptionItemChangeEventRow> customer)
    {
        long mrr = 0;
        var starts = 0;
        foreach (var change in customer.GroupBy(e => e.EventTimestamp).OrderBy(g => g.Key).Select(g => g.Sum(e => e.MrrChange)))
        {
            if (mrr == 0 && mrr + change > 0)
                starts++;
            mrr += change;
        }
        return starts;
    }

    private static DateTime Berlin(DateTime utc)
    {
        static DateTime LastSunday(int year, int month)
        {
            var day = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
            while (day.DayOfWeek != DayOfWeek.Sunday)
                day = day.AddDays(-1);
            return day;
        }
        var summer = utc >= LastSunday(utc.Year, 3) && utc < LastSunday(utc.Year, 10);
        return DateTime.SpecifyKind(utc.AddHours(summer ? 2 : 1), DateTimeKind.Unspecified);
    }

    private static long Graduated(List<PriceTierRow> tiers, long quantity)
    {
        long amount = 0, below = 0;
        foreach (var tier in tiers)
        {
            if (quantity <= below)
                break;
            var upto = tier.Upto ?? long.MaxValue;
            amount += (tier.FlatAmount ?? 0) + (Math.Min(quantity, upto) - below) * tier.Amount;
            below = upto;
        }
        return amount;
    }
}
