using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Sql;

/// <summary>
/// The minor-unit exponents of the currencies that differ from 2, as Stripe defines them, emitted once
/// per query as the <c>currency_exponents</c> table; any currency not listed has exponent 2.
/// </summary>
public static class CurrencyExponents
{
    public const string TableName = "currency_exponents";
    public const int DefaultFactor = 100;

    public static readonly ImmutableSortedDictionary<string, int> Exponents = new Dictionary<string, int>
    {
        ["bif"] = 0, ["clp"] = 0, ["djf"] = 0, ["gnf"] = 0, ["jpy"] = 0, ["kmf"] = 0, ["krw"] = 0, ["mga"] = 0,
        ["pyg"] = 0, ["rwf"] = 0, ["ugx"] = 0, ["vnd"] = 0, ["vuv"] = 0, ["xaf"] = 0, ["xof"] = 0, ["xpf"] = 0,
        ["bhd"] = 3, ["jod"] = 3, ["kwd"] = 3, ["omr"] = 3, ["tnd"] = 3,
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>The exponent of a lower-case ISO code: 0, 2 or 3.</summary>
    public static int Of(string currency) => Exponents.GetValueOrDefault(currency.ToLowerInvariant(), 2);

    public static SqlCte Table() => new(
        TableName,
        ["currency", "exponent", "factor"],
        new SqlValues(
            ["currency", "exponent", "factor"],
            [.. Exponents.Select(e => ImmutableArray.Create<SqlExpression>(
                SqlLiteral.String(e.Key),
                SqlLiteral.Number(e.Value),
                SqlLiteral.Number(Pow10(e.Value))))]));

    /// <summary><c>CURRENCY_FACTOR(code)</c> as SQL: the divisor from minor to major units, from the same table.</summary>
    public static SqlExpression Factor(SqlExpression code)
    {
        var lower = new SqlFunction("LOWER", [code]);
        var whens = Exponents.GroupBy(e => e.Value).OrderBy(g => g.Key)
            .Select(g => new SqlWhen(
                new SqlIn(lower, [.. g.Select(e => (SqlExpression)SqlLiteral.String(e.Key))], Negated: false),
                SqlLiteral.Number(Pow10(g.Key))));
        return new SqlCase([.. whens], SqlLiteral.Number(DefaultFactor));
    }

    private static decimal Pow10(int exponent) => exponent switch { 0 => 1m, 3 => 1000m, _ => 100m };
}
