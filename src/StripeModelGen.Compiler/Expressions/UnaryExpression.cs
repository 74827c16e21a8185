using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

public enum UnaryOperator
{
    Negate,
    Plus,
    Not,
}

public sealed record UnaryExpression(UnaryOperator Operator, TextLocation OperatorLocation, ExpressionSyntax Operand, TextLocation Location)
    : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [Operand];
}
