using System.Globalization;
using System.Text;

namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// The merchant's own Stripe account (the one row of <c>accounts</c>): a German company reporting
/// in euros, so MRR is converted into a currency other than USD, with its local time in
/// Europe/Berlin (UTC+1, UTC+2 in summer).
/// </summary>
public static class SampleAccount
{
    public const string DefaultCurrency = "eur";

    public const string TimeZone = "Europe/Berlin";

    /// <summary>When the account was opened, before the first customer.</summary>
    public static readonly DateTime Created = new(2023, 9, 18, 8, 30, 0, DateTimeKind.Utc);

    /// <summary>
    /// A UTC time as wall-clock time in <see cref="TimeZone"/> (kind unspecified). The EU rule, computed
    /// here rather than read from the machine's time-zone database so every machine agrees: UTC+2 from
    /// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, else UTC+1.
    /// </summary>
    public static DateTime ToLocal(DateTime utc)
    {
        var summerStart = LastSunday(utc.Year, 3).AddHours(1);
        var summerEnd = LastSunday(utc.Year, 10).AddHours(1);
        var offset = utc >= summerStart && utc < summerEnd ? 2 : 1;
        return DateTime.SpecifyKind(utc.AddHours(offset), DateTimeKind.Unspecified);
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }

    internal static AccountRow Row(int seed) => new()
    {
        Id = new SampleRandom(seed, "account", 0).Id("acct_", 16),
        Created = Created,
        BusinessName = "Acme Cloud GmbH",
        DisplayName = "Acme Cloud",
        BusinessUrl = "https://acmecloud.example",
        BusinessProfileMcc = "5734",
        Email = "finance@acmecloud.example",
        SupportEmail = "support@acmecloud.example",
        SupportPhone = "+49 30 5550123",
        ProductDescription = "Collaboration software for teams, sold by subscription.",
        StatementDescriptor = "ACMECLOUD",
        Country = "DE",
        DefaultCurrency = DefaultCurrency,
        Timezone = TimeZone,
        Type = "standard",
        ChargesEnabled = true,
        PayoutsEnabled = true,
        DetailsSubmitted = true,
        DebitNegativeBalances = true,
        PayoutScheduleInterval = "weekly",
        PayoutScheduleWeeklyAnchor = "monday",
        PayoutScheduleDelayDays = 2,
        TosAcceptanceDate = Created,
        CapabilitiesCardPayments = "active",
        CapabilitiesTransfers = "active",
        CapabilitiesSepaDebitPayments = "active",
        CapabilitiesUsBankAccountAchPayments = "active",
        LegalEntityType = "company",
        LegalEntityBusinessName = "Acme Cloud GmbH",
        LegalEntityAddressLine1 = "Friedrichstrasse 68",
        LegalEntityAddressCity = "Berlin",
        LegalEntityAddressPostalCode = "10117",
        LegalEntityAddressCountry = "DE",
    };
}

/// <summary>
/// The daily rates of <c>exchange_rates_from_usd</c>: one row per day from a week before
/// <see cref="SampleData.HistoryStart"/> to the reference date, except one missing day
/// (<see cref="MissingDate"/>), each a JSON text of the units of every currency of the data that one
/// US dollar buys. The rates follow a bounded random walk in exact decimals (no floating point).
/// </summary>
public static class ExchangeRates
{
    /// <summary>The first date of the table.</summary>
    public static readonly DateTime FirstDate = SampleData.HistoryStart.AddDays(-7);

    /// <summary>usd first, then the data's other currencies, with their starting rates and decimals.</summary>
    private static readonly (string Currency, decimal Start, int Decimals)[] Currencies =
        [("usd", 1m, 1), ("eur", 0.9143m, 6), ("gbp", 0.7861m, 6), ("cad", 1.3524m, 6), ("jpy", 141.37m, 4), ("kwd", 0.30712m, 6)];

    /// <summary>The one date without a row (the table has a hole there, as real data can).</summary>
    public static DateTime MissingDate(int seed)
    {
        var random = new SampleRandom(seed, "fx-missing", 0);
        return new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Between(0, 364));
    }

    /// <summary>The rate rows, in date order.</summary>
    internal static List<ExchangeRateRow> Rows(int seed, DateTime reference)
    {
        var random = new SampleRandom(seed, "fx", 0);
        var missing = MissingDate(seed);
        var current = Currencies.Select(c => c.Start).ToArray();
        var rows = new List<ExchangeRateRow>();
        for (var date = FirstDate; date <= reference.Date; date = date.AddDays(1))
        {
            // Every currency moves every day (the walk goes on over the missing date too).
            for (var i = 1; i < current.Length; i++)
            {
                var step = random.Between(-60, 60) / 10000m;
                var pull = (Currencies[i].Start - current[i]) / Currencies[i].Start * 0.02m; // mean reversion keeps rates plausible
                current[i] = Math.Round(current[i] * (1 + step + pull), Currencies[i].Decimals, MidpointRounding.ToEven);
            }
            if (date == missing)
                continue;
            var json = new StringBuilder("{");
            var byCurrency = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            for (var i = 0; i < current.Length; i++)
                byCurrency[Currencies[i].Currency] = current[i];
            foreach (var (currency, rate) in byCurrency)
            {
                if (json.Length > 1)
                    json.Append(',');
                json.Append('"').Append(currency).Append("\":").Append(FormatRate(rate));
            }
            json.Append('}');
            rows.Add(new ExchangeRateRow { Date = date, SellCurrency = "usd", BuyCurrencyExchangeRates = json.ToString() });
        }
        return rows;
    }

    /// <summary>Shortest exact decimal text, at least one decimal: <c>1.0</c>, <c>0.914312</c>, <c>141.3702</c>.</summary>
    private static string FormatRate(decimal rate) => rate.ToString("0.0###########", CultureInfo.InvariantCulture);
}
