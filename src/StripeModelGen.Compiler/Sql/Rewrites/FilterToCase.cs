using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>AGG(x) FILTER (WHERE c)</c> → <c>AGG(CASE WHEN c THEN x END)</c>, for dialects without the
/// <c>FILTER</c> clause; <c>COUNT(*) FILTER (WHERE c)</c> → <c>COUNT(CASE WHEN c THEN 1 END)</c>. Exact
/// because these aggregates skip NULLs; <c>MAX_BY</c> / <c>MIN_BY</c> blank their ordering key instead.
/// Aggregates that keep NULLs (<c>ARRAY_AGG</c>) are left alone, and the writer reports them.
/// </summary>
public sealed class FilterToCase : SqlTreeRewriter
{
    /// <summary>Aggregates that skip NULL inputs, and the argument whose NULL makes them skip a row.</summary>
    private static readonly ImmutableDictionary<string, int> FilteredArgument = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["COUNT"] = 0,
        ["SUM"] = 0,
        ["AVG"] = 0,
        ["MIN"] = 0,
        ["MAX"] = 0,
        ["MEDIAN"] = 0,
        ["PERCENTILE"] = 0,
        ["BOOL_OR"] = 0,
        ["BOOL_AND"] = 0,
        ["MAX_BY"] = 1,
        ["MIN_BY"] = 1,
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    public override string Name => nameof(FilterToCase);

    public override string Description => "`AGG(x) FILTER (WHERE c)` becomes `AGG(CASE WHEN c THEN x END)`";

    protected override SqlExpression RewriteNode(SqlExpression node)
    {
        if (node is not SqlFunction { Filter: { } condition } function || !FilteredArgument.TryGetValue(function.Name, out var index))
            return node;
        if (function.Star)
        {
            var counted = new SqlCase([new SqlWhen(condition, SqlLiteral.Number(1))], null);
            return function with { Arguments = [counted], Star = false, Filter = null };
        }
        if (index >= function.Arguments.Length)
            return node;
        var blanked = new SqlCase([new SqlWhen(condition, function.Arguments[index])], null);
        return function with { Arguments = function.Arguments.SetItem(index, blanked), Filter = null };
    }
}
