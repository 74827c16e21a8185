using System.Collections.Immutable;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>MAX_BY(x, y)</c> → <c>ARRAY_ELEMENT(ARRAY_AGG_BY_DESC(x, y) FILTER (WHERE y IS NOT NULL), 1)</c>
/// (and <c>MIN_BY</c> with <c>ARRAY_AGG_BY_ASC</c>), for dialects without <c>max_by</c> (PostgreSQL:
/// <c>(ARRAY_AGG(x ORDER BY y DESC) FILTER (WHERE y IS NOT NULL))[1]</c>). Rows whose key is NULL are
/// skipped and the result is NULL when every key is, as <c>max_by</c> does where it exists; a call's own
/// FILTER is kept (joined with AND). Calls with OVER or DISTINCT are left alone (the writer reports them).
/// </summary>
public sealed class MaxByToArrayAgg : SqlTreeRewriter
{
    public override string Name => nameof(MaxByToArrayAgg);

    public override string Description => "`MAX_BY(x, y)` / `MIN_BY(x, y)` become the first element of the values ordered by `y`";

    public override ImmutableArray<string> RemovedFunctions => ["MAX_BY", "MIN_BY"];

    public override ImmutableArray<RewriteFunction> IntroducedFunctions =>
        [RewriteFunctions.ArrayAggByDesc, RewriteFunctions.ArrayAggByAsc, RewriteFunctions.ArrayElement];

    protected override SqlExpression RewriteNode(SqlExpression node)
    {
        if (node is not SqlFunction { Window: null, Distinct: false, Star: false } function || function.Arguments.Length != 2)
            return node;
        var aggregate = function.Name.ToUpperInvariant() switch
        {
            "MAX_BY" => RewriteFunctions.ArrayAggByDesc.Name,
            "MIN_BY" => RewriteFunctions.ArrayAggByAsc.Name,
            _ => null,
        };
        if (aggregate is null)
            return node;
        SqlExpression keyPresent = new SqlIsNull(function.Arguments[1], Negated: true);
        var filter = function.Filter is null ? keyPresent : new SqlBinary(BinaryOperator.And, keyPresent, function.Filter);
        var values = new SqlFunction(aggregate, function.Arguments, Filter: filter);
        return new SqlFunction(RewriteFunctions.ArrayElement.Name, [values, SqlLiteral.Number(1)]);
    }
}
