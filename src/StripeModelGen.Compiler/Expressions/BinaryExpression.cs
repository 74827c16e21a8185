using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Concat,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
}

/// <summary><c>left op right</c>. <c>!=</c> and <c>&lt;&gt;</c> are both <see cref="BinaryOperator.NotEqual"/>.</summary>
public sealed record BinaryExpression(ExpressionSyntax Left, BinaryOperator Operator, TextLocation OperatorLocation, ExpressionSyntax Right, TextLocation Location)
    : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => [Left, Right];
}

public static class BinaryOperatorExtensions
{
    /// <summary>The canonical spelling: <c>+</c>, <c>&lt;&gt;</c>, <c>AND</c>...</summary>
    public static string ToText(this BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Concat => "||",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "<>",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.And => "AND",
        BinaryOperator.Or => "OR",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static bool IsComparison(this BinaryOperator op) => op is >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual;

    public static bool IsArithmetic(this BinaryOperator op) => op is >= BinaryOperator.Add and <= BinaryOperator.Modulo;

    public static bool IsLogical(this BinaryOperator op) => op is BinaryOperator.And or BinaryOperator.Or;
}
