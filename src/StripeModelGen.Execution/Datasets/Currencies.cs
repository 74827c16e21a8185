using System.Collections.Frozen;

namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// Stripe's currency exponents (https://docs.stripe.com/currencies): amounts are integers in the
/// currency's minor unit; zero-decimal currencies have exponent 0, BHD/JOD/KWD/OMR/TND have 3 (and
/// Stripe requires their last digit to be 0), every other currency has 2.
/// </summary>
public static class Currencies
{
    private static readonly FrozenSet<string> ZeroDecimal = FrozenSet.ToFrozenSet(
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> ThreeDecimal = FrozenSet.ToFrozenSet(
        ["bhd", "jod", "kwd", "omr", "tnd"], StringComparer.Ordinal);

    /// <summary>The number of decimals of a lowercase ISO code (0, 2 or 3).</summary>
    public static int Exponent(string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (ZeroDecimal.Contains(currency))
            return 0;
        return ThreeDecimal.Contains(currency) ? 3 : 2;
    }

    /// <summary>The smallest amount step Stripe accepts in minor units: 10 for three-decimal currencies, else 1.</summary>
    public static long MinorUnitStep(string currency) => Exponent(currency) == 3 ? 10 : 1;

    /// <summary>An amount in minor units as a decimal in major units (1500 JPY → 1500, 1500 USD → 15.00, 1500 KWD → 1.500).</summary>
    public static decimal ToMajorUnits(long amount, string currency)
    {
        return Exponent(currency) switch
        {
            0 => amount,
            3 => amount * 0.001m,
            _ => amount * 0.01m,
        };
    }

    /// <summary>Rounds a minor-unit amount to the nearest amount Stripe accepts (half away from zero).</summary>
    public static long RoundToStep(decimal amount, string currency)
    {
        var step = MinorUnitStep(currency);
        return (long)Math.Round(amount / step, MidpointRounding.AwayFromZero) * step;
    }
}
