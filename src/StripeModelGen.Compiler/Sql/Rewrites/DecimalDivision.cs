using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>a / b</c> → <c>CAST(a AS number) / b</c>, for dialects whose <c>/</c> truncates when both
/// operands are integers (PostgreSQL, Trino, SQL Server). The tree does not know which operands are
/// integers, so the left one is cast unless an operand is already a decimal: a cast to number, a
/// literal written with a fractional part, or arithmetic on one of those (whose result is a decimal too).
/// </summary>
public sealed class DecimalDivision : SqlTreeRewriter
{
    public override string Name => nameof(DecimalDivision);

    public override string Description => "`a / b` becomes `CAST(a AS number) / b`, so that `/` never truncates integers";

    protected override SqlExpression RewriteNode(SqlExpression node) =>
        node is SqlBinary { Operator: BinaryOperator.Divide } division && !IsDecimal(division.Left) && !IsDecimal(division.Right)
            ? division with { Left = new SqlCast(division.Left, ScalarType.Number) }
            : node;

    private static bool IsDecimal(SqlExpression expression) => expression switch
    {
        SqlCast { Type: ScalarType.Number } => true,
        SqlLiteral { Kind: SqlLiteralKind.Number, Value: decimal value } => value.Scale > 0,
        SqlLiteral { Kind: SqlLiteralKind.Number, Value: double or float } => true,
        SqlBinary { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo } arithmetic =>
            IsDecimal(arithmetic.Left) || IsDecimal(arithmetic.Right),
        SqlUnary { Operator: UnaryOperator.Negate or UnaryOperator.Plus } sign => IsDecimal(sign.Operand),
        _ => false,
    };
}
