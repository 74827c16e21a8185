using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// Window functions with <c>IGNORE NULLS</c>, for dialects without it (PostgreSQL): the non-NULL values
/// of the frame are collected in frame order, and the wanted one is picked by position.
/// <list type="bullet">
/// <item><c>FIRST_VALUE(x) IGNORE NULLS OVER w</c> → <c>ARRAY_ELEMENT(ARRAY_AGG(x) FILTER (WHERE x IS NOT NULL) OVER w, 1)</c></item>
/// <item><c>LAST_VALUE(x) IGNORE NULLS OVER w</c> → the element at <c>COUNT(x) OVER w</c></item>
/// <item><c>NTH_VALUE(x, n) IGNORE NULLS OVER w</c> → the element at <c>n</c></item>
/// <item><c>LAG(x, k, d) IGNORE NULLS OVER w</c> → over the frame <c>ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING</c>,
/// the element at <c>COUNT(x) - k + 1</c>; <c>LEAD</c> over <c>ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING</c>,
/// the element at <c>k</c>; a default <c>d</c> becomes <c>COALESCE(..., d)</c>.</item>
/// </list>
/// <c>RESPECT NULLS</c>, the default, is dropped. Exact, but the frame is materialised per row (quadratic
/// in the partition size for unbounded frames). <c>LAG</c>/<c>LEAD</c> whose offset is not a positive
/// whole-number literal are left alone (the writer reports them).
/// </summary>
public sealed class IgnoreNullsToArrayAgg : SqlTreeRewriter
{
    public override string Name => nameof(IgnoreNullsToArrayAgg);

    public override string Description => "`f(x) IGNORE NULLS OVER w` becomes a pick from the frame's non-NULL values";

    public override ImmutableArray<RewriteFunction> IntroducedFunctions => [RewriteFunctions.ArrayAgg, RewriteFunctions.ArrayElement];

    private static readonly BoundFrame Preceding = new(FrameUnit.Rows, new BoundFrameBound(FrameBoundKind.UnboundedPreceding), new BoundFrameBound(FrameBoundKind.Preceding, 1));
    private static readonly BoundFrame Following = new(FrameUnit.Rows, new BoundFrameBound(FrameBoundKind.Following, 1), new BoundFrameBound(FrameBoundKind.UnboundedFollowing));

    protected override SqlExpression RewriteNode(SqlExpression node)
    {
        if (node is not SqlFunction { Window: { } window } function || function.NullTreatment == NullTreatment.None || function.Arguments.IsEmpty)
            return node;
        if (function.NullTreatment == NullTreatment.RespectNulls)
            return function with { NullTreatment = NullTreatment.None };
        var value = function.Arguments[0];
        switch (function.Name.ToUpperInvariant())
        {
            case "FIRST_VALUE":
                return Pick(value, window, SqlLiteral.Number(1));
            case "LAST_VALUE":
                return Pick(value, window, Count(value, window));
            case "NTH_VALUE" when function.Arguments.Length == 2:
                return Pick(value, window, function.Arguments[1]);
            case "LAG" when Offset(function) is { } lag:
            {
                var frame = window with { Frame = Preceding };
                SqlExpression index = lag == 1 ? Count(value, frame) : new SqlBinary(BinaryOperator.Subtract, Count(value, frame), SqlLiteral.Number(lag - 1));
                return WithDefault(function, Pick(value, frame, index));
            }
            case "LEAD" when Offset(function) is { } lead:
                return WithDefault(function, Pick(value, window with { Frame = Following }, SqlLiteral.Number(lead)));
            default:
                return node;
        }
    }

    private static SqlFunction Pick(SqlExpression value, SqlWindow window, SqlExpression index)
    {
        var values = new SqlFunction(RewriteFunctions.ArrayAgg.Name, [value], Filter: new SqlIsNull(value, Negated: true), Window: window);
        return new SqlFunction(RewriteFunctions.ArrayElement.Name, [values, index]);
    }

    private static SqlFunction Count(SqlExpression value, SqlWindow window) => new("COUNT", [value], Window: window);

    /// <summary>The offset of LAG/LEAD: 1 when absent, else a positive whole-number literal; null otherwise.</summary>
    private static decimal? Offset(SqlFunction function)
    {
        if (function.Arguments.Length < 2)
            return 1;
        return function.Arguments[1] is SqlLiteral { Kind: SqlLiteralKind.Number, Value: decimal offset } && offset >= 1 && offset == decimal.Truncate(offset)
            ? decimal.Truncate(offset)
            : null;
    }

    private static SqlExpression WithDefault(SqlFunction function, SqlExpression picked) =>
        function.Arguments.Length == 3 ? new SqlFunction("COALESCE", [picked, function.Arguments[2]]) : picked;
}
