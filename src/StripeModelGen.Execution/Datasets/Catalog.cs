using System.Globalization;

namespace StripeModelGen.Execution.Datasets;

/// <summary>One tier of a graduated price: up to and including <see cref="Upto"/> units (null: unbounded).</summary>
internal sealed record SampleTier(long? Upto, long UnitAmount, long FlatAmount);

/// <summary>A billing meter of the sample account (the <c>billing_meters</c> table).</summary>
internal sealed record SampleMeter(string Id, string DisplayName, string EventName, string Formula, bool Active, DateTime Created, DateTime? Deactivated);

/// <summary>A price of the sample catalogue (a row of <c>prices</c>, and of <c>plans</c> when recurring).</summary>
internal sealed record SamplePrice(string Id, PlanKind Kind, string Product, string ProductId, string Nickname, string Currency, long UnitAmount, string? Interval, bool PerSeat)
{
    /// <summary>The tiers of a tiered (graduated) price; null for per-unit prices.</summary>
    public IReadOnlyList<SampleTier>? Tiers { get; init; }

    /// <summary>The meter of a metered price; null for licensed prices.</summary>
    public SampleMeter? Meter { get; init; }

    /// <summary>Metered usage is billed per this many units, rounded up.</summary>
    public long? DivideBy { get; init; }

    public bool Active { get; init; } = true;

    public DateTime Created { get; init; }

    public bool IsRecurring => Interval is not null;

    public bool IsTiered => Tiers is not null;

    public bool IsMetered => Meter is not null;

    public DateTime NextPeriod(DateTime anchor, int periods) =>
        Interval == "year" ? anchor.AddYears(periods) : anchor.AddMonths(periods);

    /// <summary>What <paramref name="quantity"/> units cost for one period (metered: units of usage, divided and rounded up).</summary>
    public long AmountFor(long quantity)
    {
        if (Tiers is { } tiers)
        {
            long amount = 0, below = 0;
            foreach (var tier in tiers)
            {
                if (quantity <= below)
                    break;
                var inTier = (tier.Upto is { } upto ? Math.Min(quantity, upto) : quantity) - below;
                amount += tier.FlatAmount + inTier * tier.UnitAmount;
                below = tier.Upto ?? long.MaxValue;
            }
            return amount;
        }
        if (DivideBy is { } divideBy)
            return (quantity + divideBy - 1) / divideBy * UnitAmount;
        return UnitAmount * quantity;
    }

    /// <summary>The monthly-normalised amount of <paramref name="quantity"/> units, before rounding (a yearly price counts a twelfth).</summary>
    public decimal MonthlyAmount(long quantity) => Interval == "year" ? AmountFor(quantity) / 12m : AmountFor(quantity);
}

/// <summary>A coupon of the sample account; those the simulation applies are <see cref="PriceCatalog.Launch"/>, <see cref="PriceCatalog.Welcome"/> and <see cref="PriceCatalog.Partner"/>.</summary>
internal sealed record SampleCoupon(string Id, string Name, decimal? PercentOff, long? AmountOff, string? Currency, string Duration, int? DurationInMonths,
    long? MaxRedemptions, DateTime? RedeemBy, bool Valid, DateTime Created, string PromotionCode, string PromotionCodeId, bool FirstTimeOnly)
{
    /// <summary>The fraction taken off (0.20 for 20 %).</summary>
    public decimal Rate => (PercentOff ?? 0) / 100m;

    public bool IsForever => Duration == "forever";
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
    /// <summary>Graduated tiers: a flat fee for the first five seats, then per seat.</summary>
    TeamTieredMonthly,
    /// <summary>Metered: API requests, per thousand.</summary>
    ApiRequests,
    /// <summary>Metered: image generations, per image.</summary>
    ImageGenerations,
    /// <summary>An archived plan nobody is on any more.</summary>
    StarterLegacy,
}

/// <summary>
/// The fixed price list per currency, the products, meters and coupons; ids come from the dataset
/// seed, each kind of object from its own random stream.
/// </summary>
internal sealed class PriceCatalog
{
    /// <summary>The currencies of the dataset and how often customers use them.</summary>
    public static readonly (string Currency, int Weight)[] CurrencyWeights =
        [("usd", 40), ("eur", 20), ("gbp", 12), ("cad", 8), ("jpy", 12), ("kwd", 8)];

    /// <summary>When the catalogue was set up, before the first customer.</summary>
    public static readonly DateTime CatalogCreated = new(2023, 10, 2, 9, 0, 0, DateTimeKind.Utc);

    public const string Launch = "LAUNCH20";
    public const string Welcome = "WELCOME25";
    public const string Partner = "PARTNER10";

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
        // Appended later: the price ids above keep their draws from the "prices" stream.
        (PlanKind.TeamTieredMonthly, "Team workspace", "Team workspace monthly (tiered)", "month", true, [0, 0, 0, 0, 0, 0]),
        (PlanKind.ApiRequests, "API requests", "API requests per 1,000", "month", false, [20, 18, 16, 26, 30, 60]),
        (PlanKind.ImageGenerations, "Image generations", "Image generation", "month", false, [4, 4, 3, 5, 6, 10]),
        (PlanKind.StarterLegacy, "Starter", "Starter monthly (2023)", "month", false, [500, 500, 400, 700, 600, 1500]),
    ];

    /// <summary>Team workspace tiers per currency: a flat fee for seats 1-5, then per seat up to 20, then per seat.</summary>
    private static readonly (long Flat, long UpTo20, long Beyond)[] TeamTiers =
        [(5000, 900, 700), (4600, 850, 650), (4000, 750, 600), (6500, 1200, 950), (7000, 1300, 1000), (15000, 2800, 2200)];

    /// <summary>name, description, type, unit label, statement descriptor, active.</summary>
    private static readonly (string Name, string Description, string Type, string? UnitLabel, string Descriptor, bool Active)[] ProductDefinitions =
    [
        ("Basic", "Basic plan: one workspace, community support.", "service", null, "ACME BASIC", true),
        ("Pro", "Pro plan: unlimited workspaces, email support.", "service", null, "ACME PRO", true),
        ("Team seat", "A seat on the Team plan.", "service", "seat", "ACME TEAM", true),
        ("Onboarding package", "Guided onboarding for a new workspace.", "service", null, "ACME ONBOARDING", true),
        ("Consulting hours", "Consulting, billed per hour.", "service", "hour", "ACME CONSULTING", true),
        ("Premium support add-on", "Priority support with a four-hour response time.", "service", null, "ACME SUPPORT", true),
        ("Hardware kit", "Meeting-room hardware kit.", "good", "kit", "ACME HARDWARE", true),
        ("Team workspace", "Team plan with volume pricing: five seats included.", "service", "seat", "ACME TEAM", true),
        ("API requests", "API requests above the plan's allowance.", "service", "1,000 requests", "ACME API", true),
        ("Image generations", "Generated images.", "service", "image", "ACME IMAGES", true),
        ("Starter", "The 2023 starter plan (archived).", "service", null, "ACME STARTER", false),
    ];

    private readonly Dictionary<(PlanKind, string), SamplePrice> _prices = [];
    private readonly List<SamplePrice> _ordered = [];

    public PriceCatalog(int seed)
    {
        var products = new SampleRandom(seed, "products", 0);
        var productIds = ProductDefinitions.ToDictionary(p => p.Name, _ => products.Id("prod_", 14), StringComparer.Ordinal);
        Products = [.. ProductDefinitions.Select((p, i) => new ProductRow
        {
            Id = productIds[p.Name],
            Name = p.Name,
            Description = p.Description,
            Active = p.Active,
            Type = p.Type,
            Shippable = p.Type == "good",
            UnitLabel = p.UnitLabel,
            StatementDescriptor = p.Descriptor,
            Created = CatalogCreated.AddMinutes(i),
        })];

        var meters = new SampleRandom(seed, "meters", 0);
        var metersCreated = CatalogCreated.AddDays(40);
        ApiMeter = new SampleMeter(meters.Id("mtr_", 24), "API requests", "api_request", "SUM", true, metersCreated, null);
        ImageMeter = new SampleMeter(meters.Id("mtr_", 24), "Image generations", "image_generation", "COUNT", true, metersCreated.AddHours(1), null);
        StorageMeter = new SampleMeter(meters.Id("mtr_", 24), "Storage (GB-hours, retired)", "storage_gb_hours", "SUM", false, metersCreated.AddHours(2),
            new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc));
        Meters = [ApiMeter, ImageMeter, StorageMeter];

        var random = new SampleRandom(seed, "prices", 0);
        for (var d = 0; d < Definitions.Length; d++)
        {
            var definition = Definitions[d];
            for (var i = 0; i < CurrencyWeights.Length; i++)
            {
                var currency = CurrencyWeights[i].Currency;
                var price = new SamplePrice(
                    random.Id("price_"), definition.Kind, definition.Product, productIds[definition.Product], definition.Nickname, currency,
                    definition.Amounts[i], definition.Interval, definition.PerSeat)
                {
                    Created = CatalogCreated.AddDays(1).AddMinutes(d * 10 + i),
                    Active = definition.Kind != PlanKind.StarterLegacy,
                };
                price = definition.Kind switch
                {
                    PlanKind.TeamTieredMonthly => price with { Tiers = [new(5, 0, TeamTiers[i].Flat), new(20, TeamTiers[i].UpTo20, 0), new(null, TeamTiers[i].Beyond, 0)] },
                    PlanKind.ApiRequests => price with { Meter = ApiMeter, DivideBy = 1000 },
                    PlanKind.ImageGenerations => price with { Meter = ImageMeter },
                    _ => price,
                };
                _prices[(definition.Kind, currency)] = price;
                _ordered.Add(price);
            }
        }

        var coupons = new SampleRandom(seed, "coupons", 0);
        SampleCoupon Coupon(string id, string name, decimal? percent, long? amountOff, string duration, int? months, long? max, DateTime? redeemBy, bool valid,
            DateTime created, string code, bool firstTime = false) =>
            new(id, name, percent, amountOff, amountOff is null ? null : "usd", duration, months, max, redeemBy, valid, created, code, coupons.Id("promo_", 24), firstTime);
        var couponsCreated = new DateTime(2023, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        Coupons =
        [
            Coupon(Launch, "Launch offer", 20, null, "forever", null, null, null, true, couponsCreated, "LAUNCH"),
            Coupon(Welcome, "Welcome: 25 % off for 3 months", 25, null, "repeating", 3, null, null, true, couponsCreated.AddHours(1), "WELCOME", firstTime: true),
            Coupon(Partner, "Partner programme", 10, null, "forever", null, null, null, true, couponsCreated.AddHours(2), "PARTNER10"),
            Coupon("SUMMER10", "Summer sale 2024", 10, null, "once", null, null, new DateTime(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc), false, new DateTime(2024, 6, 1, 8, 0, 0, DateTimeKind.Utc), "SUMMER"),
            Coupon("10OFF", "$10 off", null, 1000, "once", null, 100, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), false, new DateTime(2024, 11, 20, 8, 0, 0, DateTimeKind.Utc), "BIGSPEND"),
            Coupon("FALL30", "Fall promotion", 30, null, "repeating", 3, 50, new DateTime(2025, 11, 30, 0, 0, 0, DateTimeKind.Utc), false, new DateTime(2025, 9, 1, 8, 0, 0, DateTimeKind.Utc), "FALL30"),
        ];
    }

    /// <summary>Every product, in catalogue order.</summary>
    public IReadOnlyList<ProductRow> Products { get; }

    public IReadOnlyList<SampleMeter> Meters { get; }

    public SampleMeter ApiMeter { get; }

    public SampleMeter ImageMeter { get; }

    public SampleMeter StorageMeter { get; }

    public IReadOnlyList<SampleCoupon> Coupons { get; }

    /// <summary>Every price, by kind then currency.</summary>
    public IReadOnlyList<SamplePrice> Prices => _ordered;

    public SamplePrice Get(PlanKind kind, string currency) => _prices[(kind, currency)];

    public SampleCoupon Coupon(string id) => Coupons.First(c => c.Id == id);

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
