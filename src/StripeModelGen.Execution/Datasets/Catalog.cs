using System.Globalization;

namespace StripeModelGen.Execution.Datasets;

/// <summary>A recurring or one-off price of the sample catalogue (the future <c>prices</c> table).</summary>
internal sealed record SamplePrice(string Id, string Product, string Nickname, string Currency, long UnitAmount, string? Interval, bool PerSeat)
{
    public bool IsRecurring => Interval is not null;

    public DateTime NextPeriod(DateTime anchor, int periods) =>
        Interval == "year" ? anchor.AddYears(periods) : anchor.AddMonths(periods);
}

internal enum PlanKind
{
    BasicMonthly,
    ProMonthly,
    ProYearly,
    TeamSeatMonthly,
    Onboarding,
    ConsultingHour,
    PremiumSupport,
    HardwareKit,
}

/// <summary>The fixed price list per currency; price ids come from the dataset seed.</summary>
internal sealed class PriceCatalog
{
    /// <summary>The currencies of the dataset and how often customers use them.</summary>
    public static readonly (string Currency, int Weight)[] CurrencyWeights =
        [("usd", 40), ("eur", 20), ("gbp", 12), ("cad", 8), ("jpy", 12), ("kwd", 8)];

    //                                                        usd     eur     gbp     cad     jpy     kwd
    private static readonly (PlanKind Kind, string Product, string Nickname, string? Interval, bool PerSeat, long[] Amounts)[] Definitions =
    [
        (PlanKind.BasicMonthly, "Basic", "Basic monthly", "month", false, [900, 900, 800, 1200, 1200, 3000]),
        (PlanKind.ProMonthly, "Pro", "Pro monthly", "month", false, [2900, 2700, 2400, 3900, 4000, 9000]),
        (PlanKind.ProYearly, "Pro", "Pro yearly", "year", false, [29000, 27000, 24000, 39000, 40000, 90000]),
        (PlanKind.TeamSeatMonthly, "Team seat", "Team monthly per seat", "month", true, [1500, 1400, 1200, 2000, 2000, 4500]),
        (PlanKind.Onboarding, "Onboarding package", "Onboarding", null, false, [49900, 45900, 39900, 64900, 60000, 150000]),
        (PlanKind.ConsultingHour, "Consulting hours", "Consulting hour", null, true, [15000, 14000, 12000, 19500, 18000, 45000]),
        (PlanKind.PremiumSupport, "Premium support add-on", "Premium support", null, false, [9900, 9000, 7900, 12900, 12000, 30000]),
        (PlanKind.HardwareKit, "Hardware kit", "Hardware kit", null, false, [24900, 22900, 19900, 32900, 30000, 75000]),
    ];

    private readonly Dictionary<(PlanKind, string), SamplePrice> _prices = [];

    public PriceCatalog(int seed)
    {
        var random = new SampleRandom(seed, "prices", 0);
        foreach (var definition in Definitions)
        {
            for (var i = 0; i < CurrencyWeights.Length; i++)
            {
                var currency = CurrencyWeights[i].Currency;
                _prices[(definition.Kind, currency)] = new SamplePrice(
                    random.Id("price_"), definition.Product, definition.Nickname, currency, definition.Amounts[i],
                    definition.Interval, definition.PerSeat);
            }
        }
    }

    public SamplePrice Get(PlanKind kind, string currency) => _prices[(kind, currency)];

    /// <summary>"$29.00", "¥4,000", "KWD 9.000": the amount as Stripe prints it on a line description.</summary>
    public static string FormatMoney(long amount, string currency)
    {
        var major = Currencies.ToMajorUnits(amount, currency);
        var number = Currencies.Exponent(currency) switch
        {
            0 => major.ToString("#,0", CultureInfo.InvariantCulture),
            3 => major.ToString("#,0.000", CultureInfo.InvariantCulture),
            _ => major.ToString("#,0.00", CultureInfo.InvariantCulture),
        };
        return currency switch
        {
            "usd" => "$" + number,
            "eur" => "€" + number,
            "gbp" => "£" + number,
            "cad" => "CA$" + number,
            "jpy" => "¥" + number,
            _ => currency.ToUpperInvariant() + " " + number,
        };
    }

    /// <summary>A one-off amount in minor units between <paramref name="minMajor"/> and <paramref name="maxMajor"/> major units.</summary>
    public static long RandomAmount(SampleRandom random, string currency, int minMajor, int maxMajor)
    {
        var exponent = Currencies.Exponent(currency);
        var scale = exponent switch { 0 => 1L, 3 => 1000L, _ => 100L };
        // Yen and dinar prices are larger numbers of major units for the same value.
        var factor = currency switch { "jpy" => 120L, "kwd" => 1L, _ => 1L };
        var major = random.Between(minMajor * factor, maxMajor * factor);
        long amount;
        if (exponent == 2)
        {
            var cents = random.Weighted((0L, 30), (99L, 30), (50L, 10), (random.Between(1L, 98L), 30));
            amount = major * scale + cents;
        }
        else if (exponent == 3)
        {
            amount = major * scale + random.Between(0L, 99L) * 10; // the last digit stays 0
        }
        else
        {
            amount = major / 10 * 10;
        }
        return Math.Max(amount, Currencies.MinorUnitStep(currency) * 50);
    }
}

/// <summary>Names, addresses and other descriptive values.</summary>
internal static class People
{
    public static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Leo", "Sofia", "Hugo", "Chloe", "Arthur", "Yuki",
        "Haruto", "Aiko", "Fatima", "Omar", "Layla", "Youssef", "Ines", "Mateo", "Lea", "Finn", "Hannah", "Jonas",
        "Grace", "Oscar", "Isla", "Ethan", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Brown", "Martin", "Bernard", "Dubois", "Muller", "Schmidt", "Fischer", "Garcia", "Lopez",
        "Rossi", "Tanaka", "Suzuki", "Sato", "Al-Sabah", "Al-Mutairi", "Murphy", "Kelly", "Jansen", "de Vries", "Wilson",
        "Taylor", "Evans", "Walker", "Wright", "Nakamura", "Moreau", "Weber", "Clarke",
    ];

    public static readonly string[] CompanyWords =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne",
        "Soylent", "Aperture", "Gringotts", "Oceanic", "Monarch",
    ];

    public static readonly string[] Streets = ["Market Street", "Main Street", "High Street", "Station Road", "Park Avenue", "Rue de Rivoli", "Hauptstrasse", "Chuo-dori"];

    /// <summary>country, state, city, postal code prefix; one list per billing currency.</summary>
    public static readonly Dictionary<string, (string Country, string? State, string City, string Postal)[]> Addresses = new(StringComparer.Ordinal)
    {
        ["usd"] = [("US", "CA", "San Francisco", "941"), ("US", "NY", "New York", "100"), ("US", "TX", "Austin", "787"), ("US", "WA", "Seattle", "981"), ("US", "IL", "Chicago", "606"), ("US", "MA", "Boston", "021")],
        ["eur"] = [("DE", "BE", "Berlin", "101"), ("DE", "BY", "Munich", "803"), ("FR", null, "Paris", "750"), ("NL", null, "Amsterdam", "101"), ("IE", null, "Dublin", "D02"), ("ES", null, "Madrid", "280")],
        ["gbp"] = [("GB", null, "London", "EC1"), ("GB", null, "Manchester", "M1 "), ("GB", null, "Edinburgh", "EH1")],
        ["cad"] = [("CA", "ON", "Toronto", "M5V"), ("CA", "BC", "Vancouver", "V6B"), ("CA", "QC", "Montreal", "H2X")],
        ["jpy"] = [("JP", "Tokyo", "Tokyo", "100-"), ("JP", "Osaka", "Osaka", "530-")],
        ["kwd"] = [("KW", null, "Kuwait City", "130")],
    };

    /// <summary>Countries whose customers pay 20 % VAT through automatic tax in this dataset.</summary>
    public static bool IsVatCountry(string? country) => country is "DE" or "FR" or "NL" or "IE" or "ES" or "GB";

    public static readonly string[] CancellationFeedback =
        ["too_expensive", "missing_features", "switched_service", "unused", "customer_service", "too_complex", "low_quality", "other"];

    public static readonly string[] PurchaseDescriptions =
        ["Order #{0}", "Gift card", "Annual conference ticket", "Workshop seat", "Sticker pack", "Extra storage (one-off)"];
}
