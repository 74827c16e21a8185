using System.Collections.Immutable;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary><c>x IS [NOT] NULL</c>.</summary>
public sealed record IsNullExpression(ExpressionSyntax Operand, bool IsNegated, TextLocation Location) : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand];
}

/// <summary><c>x [NOT] IN (a, b, ...)</c>: a non-empty list of values (no subqueries).</summary>
public sealed record InExpression(ExpressionSyntax Operand, bool IsNegated, ImmutableArray<ExpressionSyntax> Values, TextLocation Location)
    : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand, .. Values];
}

/// <summary><c>x [NOT] BETWEEN lower AND upper</c>.</summary>
public sealed record BetweenExpression(ExpressionSyntax Operand, bool IsNegated, ExpressionSyntax Lower, ExpressionSyntax Upper, TextLocation Location)
    : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand, Lower, Upper];
}

/// <summary><c>x [NOT] LIKE pattern</c>, or <c>ILIKE</c> when <see cref="IsCaseInsensitive"/>.</summary>
public sealed record LikeExpression(ExpressionSyntax Operand, bool IsNegated, bool IsCaseInsensitive, ExpressionSyntax Pattern, TextLocation Location)
    : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand, Pattern];
}
