using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

public sealed record ParenthesizedExpression(ExpressionSyntax Expression, TextLocation Location) : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [Expression];
}
