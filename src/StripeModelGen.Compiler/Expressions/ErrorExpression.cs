using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>
/// Stands for what failed to parse. Its diagnostic has already been reported, so later stages treat it
/// as "unknown, already explained" and report nothing more about it or about expressions built on it.
/// </summary>
public sealed record ErrorExpression(TextLocation Location) : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [];
}
