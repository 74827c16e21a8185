namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// Generates a deterministic synthetic Stripe dataset in the Sigma schema. The same seed and scale
/// always give the same rows (System.Random seeded per customer, no clock, no GUIDs); every status
/// is as of <see cref="ReferenceTime"/>, 2026-06-30 00:00:00 UTC, and history starts at
/// <see cref="HistoryStart"/>, 2024-01-01.
/// </summary>
public static class SampleData
{
    /// <summary>Customers per unit of scale.</summary>
    public const int CustomersPerScale = 400;

    /// <summary>Guest purchases (charges without a customer) per unit of scale.</summary>
    public const int GuestPurchasesPerScale = 150;

    /// <summary>The largest scale accepted (about 400,000 customers).</summary>
    public const int MaxScale = 1000;

    /// <summary>The dataset's "now": every event happened before it, every status is as of it.</summary>
    public static readonly DateTime ReferenceTime = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The earliest customer creation time.</summary>
    public static readonly DateTime HistoryStart = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Invoices created before this time use Stripe's older line ids (sli_ per subscription item, ii_ per invoice item), which repeat across invoices.</summary>
    internal static readonly DateTime LegacyLineIdsUntil = new(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Generates the dataset for a seed and a scale (1 ≈ 400 customers and 3,500 charges).</summary>
    public static SampleDataset Generate(int seed, int scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);

        var catalog = new PriceCatalog(seed);
        var builder = new DatasetBuilder();
        for (var i = 0; i < CustomersPerScale * scale; i++)
        {
            var random = new SampleRandom(seed, "customer", i);
            var extras = new SampleRandom(seed, "customer-extras", i);
            new CustomerSimulation(random, extras, catalog, ReferenceTime, builder).Run(HistoryStart);
        }
        for (var i = 0; i < GuestPurchasesPerScale * scale; i++)
            GuestPurchase(new SampleRandom(seed, "guest", i), builder);
        return builder.Build(seed, scale, ReferenceTime, catalog);
    }

    /// <summary>A checkout without a saved customer: no customer id, sometimes a receipt email.</summary>
    private static void GuestPurchase(SampleRandom random, DatasetBuilder builder)
    {
        var payments = new PaymentWriter(random, ReferenceTime, builder.Charges, builder.Refunds);
        var currency = random.Weighted(PriceCatalog.CurrencyWeights);
        var country = random.Pick(People.Addresses[currency]).Country;
        var time = random.Chance(0.2) ? random.Time(ReferenceTime.AddDays(-30), ReferenceTime) : random.Time(HistoryStart, ReferenceTime);
        var email = random.Chance(0.6) ? "guest" + random.Digits(5) + "@example.net" : null;
        var amount = PriceCatalog.RandomAmount(random, currency, 5, 250);
        var method = currency is "usd" or "eur" && random.Chance(0.15)
            ? PaymentMethodProfile.NewBankDebit(random, currency)
            : PaymentMethodProfile.NewCard(random, country);
        payments.Purchase(time, null, currency, amount, method, email, random.Chance(0.5) ? "Guest checkout" : null);
    }
}
