using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

public enum LiteralKind
{
    Number,
    String,
    Boolean,
    Null,
}

/// <summary>
/// A constant. <see cref="Text"/> is the literal as written; <see cref="Value"/> is a <see cref="decimal"/>
/// for numbers that fit one (else a <see cref="double"/>), the unescaped <see cref="string"/>, a
/// <see cref="bool"/>, or null.
/// </summary>
public sealed record LiteralExpression(LiteralKind Kind, string Text, object? Value, TextLocation Location) : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [];
}
