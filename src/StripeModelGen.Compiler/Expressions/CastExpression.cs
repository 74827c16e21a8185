using System.Collections.Immutable;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>A type in <c>CAST</c>: a name as written and zero to two whole-number arguments, as in <c>DECIMAL(18, 2)</c>.</summary>
public sealed record TypeName(string Name, ImmutableArray<int> Arguments, TextLocation Location);

/// <summary><c>CAST(operand AS type)</c>. The <c>::type</c> shorthand is not part of the language.</summary>
public sealed record CastExpression(ExpressionSyntax Operand, TypeName Type, TextLocation Location) : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand];
}
