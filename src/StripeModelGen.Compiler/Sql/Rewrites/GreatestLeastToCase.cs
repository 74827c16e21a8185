using System.Collections.Immutable;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>GREATEST(a, b)</c> → <c>CASE WHEN a IS NULL OR a &lt; b THEN b ELSE a END</c> (<c>&gt;</c> for LEAST),
/// for engines without them (SQL Server before 2022). NULL arguments are ignored and the result is NULL
/// only when all are, as the portable GREATEST says: a NULL <c>a</c> yields <c>b</c>, a NULL <c>b</c>
/// makes the comparison unknown and yields <c>a</c>. More arguments pair up in a balanced tree, so each
/// appears at most 3^⌈log2 n⌉ times in the text.
/// </summary>
public sealed class GreatestLeastToCase : SqlTreeRewriter
{
    public override string Name => nameof(GreatestLeastToCase);

    public override string Description => "`GREATEST(a, b)` becomes `CASE WHEN a IS NULL OR a < b THEN b ELSE a END` (LEAST with `>`)";

    public override ImmutableArray<string> RemovedFunctions => ["GREATEST", "LEAST"];

    protected override SqlExpression RewriteNode(SqlExpression node)
    {
        if (node is not SqlFunction { Window: null, Filter: null } function || function.Arguments.IsDefaultOrEmpty)
            return node;
        var op = function.Name.ToUpperInvariant() switch
        {
            "GREATEST" => BinaryOperator.Less,
            "LEAST" => BinaryOperator.Greater,
            _ => (BinaryOperator?)null,
        };
        return op is { } comparison ? Combine(function.Arguments.AsSpan(), comparison) : node;
    }

    private static SqlExpression Combine(ReadOnlySpan<SqlExpression> arguments, BinaryOperator comparison)
    {
        if (arguments.Length == 1)
            return arguments[0];
        var half = arguments.Length / 2;
        var a = Combine(arguments[..half], comparison);
        var b = Combine(arguments[half..], comparison);
        var takeB = new SqlBinary(BinaryOperator.Or, new SqlIsNull(a, Negated: false), new SqlBinary(comparison, a, b));
        return new SqlCase([new SqlWhen(takeB, b)], a);
    }
}
