using System.Globalization;
using System.Text.Json;

namespace StripeModelGen.Integration.Tests.Mrr;

/// <summary>An MRR change event, as subscription_item_change_events holds it.</summary>
public sealed record MrrEvent(string CustomerId, string Currency, long MrrChange, DateTime LocalEventTimestamp);

/// <summary>One row of the mrr_movements result, in Stripe's column order.</summary>
public sealed record MrrMonth(
    DateOnly LocalMonthStart,
    decimal? BeginningMrr,
    decimal NewMrr,
    decimal ReactivationMrr,
    decimal ExpansionMrr,
    decimal ContractionMrr,
    decimal ChurnMrr,
    decimal? FxAdjustmentMrr,
    decimal EndingMrr,
    decimal BeginningSubscribers,
    decimal NewSubscribers,
    decimal ReactivatedSubscribers,
    decimal ChurnedSubscribers,
    decimal EndingSubscribers);

/// <summary>
/// The MRR movement definition of Stripe's "query billing data" page, computed with plain loops over the
/// events (no SQL): customer-level running MRR and movements, daily totals per currency over every FX date
/// (the previous day's rates), conversion into the account's default currency, then months.
/// <paramref name="stripeTemplate"/> applies rates to minor units directly, as Stripe's query does; otherwise
/// amounts are rescaled between currencies of different exponents.
/// </summary>
public static class MrrOracle
{
    public static IReadOnlyList<MrrMonth> Compute(IEnumerable<MrrEvent> events, IEnumerable<(DateTime Date, string RatesJson)> rates, string? defaultCurrency, bool stripeTemplate)
    {
        var eventList = events.ToList();
        // 1. One change per (timestamp, customer, currency).
        var changes = eventList
            .GroupBy(e => (e.LocalEventTimestamp, e.CustomerId, e.Currency))
            .Select(g => (g.Key.LocalEventTimestamp, g.Key.CustomerId, g.Key.Currency, Change: g.Sum(e => e.MrrChange)))
            .ToList();

        // 2-4. Per customer in time order: running MRR, changes that moved it, the MRR before, the movement.
        var daily = new Dictionary<(DateOnly Date, string Currency), DayTotals>();
        foreach (var customer in changes.GroupBy(c => c.CustomerId))
        {
            long running = 0;
            var moved = 0;
            long? previous = null;
            foreach (var change in customer.OrderBy(c => c.LocalEventTimestamp))
            {
                running += change.Change;
                if (change.Change != 0)
                    moved++;
                var before = previous ?? 0;
                previous = running;
                var movement = (running, before) switch
                {
                    (0, > 0) => "ACTIVE_END",
                    (> 0, 0) when moved == 1 => "ACTIVE_START",
                    (> 0, 0) when moved > 1 => "REACTIVATE",
                    _ when running > before => "ACTIVE_UPGRADE",
                    _ when running < before => "ACTIVE_DOWNGRADE",
                    _ => null,
                };
                var key = (DateOnly.FromDateTime(change.LocalEventTimestamp), change.Currency);
                if (!daily.TryGetValue(key, out var totals))
                    daily[key] = totals = new DayTotals();
                totals.Add(change.Change, movement, running, before);
            }
        }

        // 5-7. Every FX date (shifted back a day) × every currency, converted.
        var currencies = eventList.Select(e => e.Currency).Distinct().Order(StringComparer.Ordinal).ToList();
        var target = defaultCurrency ?? "usd";
        var days = new SortedDictionary<DateOnly, DayMetrics>();
        foreach (var currency in currencies)
        {
            long? runningMrr = null;
            long? runningActive = null;
            foreach (var (date, json) in rates.OrderBy(r => r.Date))
            {
                var day = DateOnly.FromDateTime(date).AddDays(-1);
                var perUsd = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
                var rate = 1m / Rate(perUsd, currency) * Rate(perUsd, target);
                if (!stripeTemplate)
                    rate = rate * Factor(target) / Factor(currency);
                daily.TryGetValue((day, currency), out var totals);
                if (totals is not null)
                {
                    runningMrr = (runningMrr ?? 0) + totals.Change;
                    runningActive = (runningActive ?? 0) + totals.ActiveChange;
                }
                if (!days.TryGetValue(day, out var metrics))
                    days[day] = metrics = new DayMetrics();
                metrics.Mrr += runningMrr is { } m ? Round(m * rate) : 0;
                metrics.New += totals is null ? 0 : Round(totals.New * rate);
                metrics.Reactivation += totals is null ? 0 : Round(totals.Reactivation * rate);
                metrics.Expansion += totals is null ? 0 : Round(totals.Expansion * rate);
                metrics.Contraction += totals is null ? 0 : Round(totals.Contraction * rate);
                metrics.Churn += totals is null ? 0 : Round(totals.Churn * rate);
                metrics.Active += runningActive ?? 0;
                metrics.Churned += totals?.Churned ?? 0;
                metrics.NewSubscribers += totals?.NewSubscribers ?? 0;
                metrics.Reactivated += totals?.Reactivated ?? 0;
            }
        }

        // 8-10. FX adjustment per day, then months.
        decimal? previousMrr = null;
        var months = new SortedDictionary<DateOnly, List<(DayMetrics Metrics, decimal? Fx)>>();
        foreach (var (day, metrics) in days)
        {
            decimal? fx = previousMrr is { } p
                ? metrics.Mrr - p - metrics.New - metrics.Reactivation - metrics.Expansion - metrics.Contraction - metrics.Churn
                : null;
            previousMrr = metrics.Mrr;
            var month = new DateOnly(day.Year, day.Month, 1);
            if (!months.TryGetValue(month, out var list))
                months[month] = list = [];
            list.Add((metrics, fx));
        }
        return [.. months.Reverse().Select(m =>
        {
            var last = m.Value[^1].Metrics;
            var fxValues = m.Value.Where(d => d.Fx is not null).Select(d => d.Fx!.Value).ToList();
            decimal? fx = fxValues.Count == 0 ? null : fxValues.Sum();
            var newMrr = m.Value.Sum(d => d.Metrics.New);
            var reactivation = m.Value.Sum(d => d.Metrics.Reactivation);
            var expansion = m.Value.Sum(d => d.Metrics.Expansion);
            var contraction = m.Value.Sum(d => d.Metrics.Contraction);
            var churn = m.Value.Sum(d => d.Metrics.Churn);
            var churned = m.Value.Sum(d => d.Metrics.Churned);
            var newSubscribers = m.Value.Sum(d => d.Metrics.NewSubscribers);
            var reactivated = m.Value.Sum(d => d.Metrics.Reactivated);
            return new MrrMonth(
                m.Key,
                last.Mrr - fx - churn - contraction - expansion - reactivation - newMrr,
                newMrr, reactivation, expansion, contraction, churn, fx, last.Mrr,
                last.Active + churned - reactivated - newSubscribers,
                newSubscribers, reactivated, churned, last.Active);
        })];
    }

    private static decimal Rate(Dictionary<string, JsonElement> perUsd, string currency) =>
        decimal.Parse(perUsd[currency].GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal Factor(string currency) => currency switch
    {
        "bif" or "clp" or "djf" or "gnf" or "jpy" or "kmf" or "krw" or "mga" or "pyg" or "rwf" or "ugx" or "vnd" or "vuv" or "xaf" or "xof" or "xpf" => 1m,
        "bhd" or "jod" or "kwd" or "omr" or "tnd" => 1000m,
        _ => 100m,
    };

    private static decimal Round(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero);

    private sealed class DayTotals
    {
        public long Change;
        public long New;
        public long Reactivation;
        public long Expansion;
        public long Contraction;
        public long Churn;
        public long ActiveChange;
        public long Churned;
        public long NewSubscribers;
        public long Reactivated;

        public void Add(long change, string? movement, long mrr, long before)
        {
            Change += change;
            switch (movement)
            {
                case "ACTIVE_START": New += change; NewSubscribers++; break;
                case "REACTIVATE": Reactivation += change; Reactivated++; break;
                case "ACTIVE_UPGRADE": Expansion += change; break;
                case "ACTIVE_DOWNGRADE": Contraction += change; break;
                case "ACTIVE_END": Churn += change; Churned++; break;
            }
            if (mrr == 0 && before > 0)
                ActiveChange--;
            else if (mrr > 0 && before == 0)
                ActiveChange++;
        }
    }

    private sealed class DayMetrics
    {
        public decimal Mrr;
        public decimal New;
        public decimal Reactivation;
        public decimal Expansion;
        public decimal Contraction;
        public decimal Churn;
        public long Active;
        public long Churned;
        public long NewSubscribers;
        public long Reactivated;
    }
}
