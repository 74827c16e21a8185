using System.Collections.Immutable;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>MEDIAN(x)</c> / <c>PERCENTILE(x, p)</c> → <c>PERCENTILE_OF_ARRAY(ARRAY_AGG(x), p)</c> (p = 50 for
/// MEDIAN), for engines with arrays but no exact percentile aggregate (Trino has only
/// <c>approx_percentile</c>): the dialect sorts the collected values and interpolates between the two
/// nearest ranks, as PERCENTILE_CONT does. A FILTER becomes <c>ARRAY_AGG(CASE WHEN c THEN x END)</c>
/// (NULLs are dropped before interpolating); DISTINCT and OVER move to the ARRAY_AGG. Exact, at the cost
/// of holding each group's values in memory.
/// </summary>
public sealed class PercentileToArrayAgg : SqlTreeRewriter
{
    public override string Name => nameof(PercentileToArrayAgg);

    public override string Description => "`MEDIAN(x)` / `PERCENTILE(x, p)` become an interpolation over `ARRAY_AGG(x)`";

    public override ImmutableArray<string> RemovedFunctions => ["MEDIAN", "PERCENTILE"];

    public override ImmutableArray<RewriteFunction> IntroducedFunctions => [RewriteFunctions.ArrayAgg, RewriteFunctions.PercentileOfArray];

    protected override SqlExpression RewriteNode(SqlExpression node)
    {
        if (node is not SqlFunction { Star: false, NullTreatment: NullTreatment.None } function || function.Arguments.IsDefaultOrEmpty)
            return node;
        SqlExpression? percentile = function.Name.ToUpperInvariant() switch
        {
            "MEDIAN" when function.Arguments.Length == 1 => SqlLiteral.Number(50),
            "PERCENTILE" when function.Arguments.Length == 2 => function.Arguments[1],
            _ => null,
        };
        if (percentile is null)
            return node;
        var value = function.Filter is { } condition ? new SqlCase([new SqlWhen(condition, function.Arguments[0])], null) : function.Arguments[0];
        var values = new SqlFunction(RewriteFunctions.ArrayAgg.Name, [value], Distinct: function.Distinct, Window: function.Window);
        return new SqlFunction(RewriteFunctions.PercentileOfArray.Name, [values, percentile]);
    }
}
