using System.Globalization;
using System.Text;

namespace StripeModelGen.Integration.Tests.Mrr;

/// <summary>
/// Hand-written events covering the MRR chain's hard cases: a reactivation after churn, an upgrade and a
/// downgrade on the same day, a quantity-only change, several events at one timestamp, several items of
/// one customer, JPY (no minor unit) and EUR beside a USD default, and one missing FX date.
/// </summary>
public static class MrrCases
{
    public const string Schema = "mrr_cases";

    public static readonly string DefaultCurrency = "usd";

    private static DateTime At(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static IReadOnlyList<MrrEvent> Events { get; } =
    [
        // alice (usd): starts, upgrades and downgrades on one day, churns, comes back.
        new("cus_alice", "usd", 5000, At("2026-01-05T10:00:00")),
        new("cus_alice", "usd", 2000, At("2026-01-20T09:00:00")),
        new("cus_alice", "usd", -1000, At("2026-01-20T15:00:00")),
        new("cus_alice", "usd", -6000, At("2026-02-10T12:00:00")),
        new("cus_alice", "usd", 4000, At("2026-03-03T08:00:00")),
        // bob (jpy): two items starting at the same moment, a quantity-only change, a downgrade.
        new("cus_bob", "jpy", 3000, At("2026-01-10T00:00:00")),
        new("cus_bob", "jpy", 1500, At("2026-01-10T00:00:00")),
        new("cus_bob", "jpy", 0, At("2026-02-01T00:00:00")),
        new("cus_bob", "jpy", -1500, At("2026-03-15T00:00:00")),
        // carol (eur): starts on the day whose FX rates are missing, then upgrades.
        new("cus_carol", "eur", 2500, At("2026-02-14T11:00:00")),
        new("cus_carol", "eur", 500, At("2026-03-20T11:00:00")),
    ];

    /// <summary>Rates per USD for every day from 2026-01-01 to 2026-04-01 except 2026-02-15 (so 2026-02-14 has none).</summary>
    public static IReadOnlyList<(DateTime Date, string RatesJson)> Rates { get; } = BuildRates();

    private static List<(DateTime, string)> BuildRates()
    {
        var rates = new List<(DateTime, string)>();
        for (var day = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc); day <= new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc); day = day.AddDays(1))
        {
            if (day == new DateTime(2026, 2, 15, 0, 0, 0, DateTimeKind.Utc))
                continue;
            var drift = (day.DayOfYear % 7) / 1000m;
            var eur = (0.9m + drift).ToString(CultureInfo.InvariantCulture);
            var jpy = (150m + drift * 100).ToString(CultureInfo.InvariantCulture);
            rates.Add((day, $"{{\"usd\": 1, \"eur\": {eur}, \"jpy\": {jpy}}}"));
        }
        return rates;
    }

    /// <summary>The statements that create and fill the case tables in <see cref="Schema"/>.</summary>
    public static string LoadSql()
    {
        var sql = new StringBuilder();
        sql.Append($"DROP SCHEMA IF EXISTS {Schema} CASCADE; CREATE SCHEMA {Schema};\n");
        sql.Append($"CREATE TABLE {Schema}.subscription_item_change_events (subscription_item_id varchar, customer_id varchar, currency varchar, mrr_change bigint, event_timestamp timestamp, local_event_timestamp timestamp);\n");
        sql.Append($"CREATE TABLE {Schema}.exchange_rates_from_usd (date timestamp, buy_currency_exchange_rates varchar);\n");
        sql.Append($"CREATE TABLE {Schema}.accounts (id varchar, default_currency varchar);\n");
        var item = 0;
        foreach (var e in Events)
        {
            var at = e.LocalEventTimestamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {Schema}.subscription_item_change_events VALUES ('si_{item++}', '{e.CustomerId}', '{e.Currency}', {e.MrrChange}, '{at}', '{at}');\n");
        }
        foreach (var (date, json) in Rates)
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {Schema}.exchange_rates_from_usd VALUES ('{date:yyyy-MM-dd}', '{json}');\n");
        sql.Append($"INSERT INTO {Schema}.accounts VALUES ('acct_1', '{DefaultCurrency}');\n");
        return sql.ToString();
    }
}
