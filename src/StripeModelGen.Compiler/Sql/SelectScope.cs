using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql;

/// <summary>
/// The FROM clause of one SELECT being built: the joins to <c>currency_exponents</c> that money values
/// in it need, one per alias and currency expression.
/// </summary>
internal sealed class SelectScope
{
    private readonly Dictionary<string, string> _currencyAliases = new(StringComparer.Ordinal);
    private readonly List<SqlJoin> _currencyJoins = [];

    public ImmutableArray<SqlJoin> CurrencyJoins => [.. _currencyJoins];

    public bool UsesCurrencies => _currencyJoins.Count > 0;

    /// <summary>The divisor turning minor units of <paramref name="code"/> into major units.</summary>
    public SqlExpression Factor(string alias, string currencyKey, SqlExpression code)
    {
        var key = alias + "|" + currencyKey;
        if (!_currencyAliases.TryGetValue(key, out var joinAlias))
        {
            joinAlias = _currencyAliases.Count == 0 || !_currencyAliases.Keys.Any(k => k.StartsWith(alias + "|", StringComparison.Ordinal))
                ? $"{alias}__currency"
                : $"{alias}__currency_{_currencyAliases.Count}";
            _currencyAliases[key] = joinAlias;
            var condition = new SqlBinary(BinaryOperator.Equal, new SqlColumn(joinAlias, "currency"), new SqlFunction("LOWER", [code]));
            _currencyJoins.Add(new SqlJoin(SqlJoinType.Left, new SqlCteReference(CurrencyExponents.TableName, joinAlias), condition));
        }
        return new SqlFunction("COALESCE", [new SqlColumn(joinAlias, "factor"), SqlLiteral.Number(CurrencyExponents.DefaultFactor)]);
    }
}
