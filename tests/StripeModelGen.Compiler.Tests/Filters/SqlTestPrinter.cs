using System.Globalization;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Tests.Filters;

/// <summary>
/// A compact, dialect-free rendering of SQL expression trees for filter tests (the real writer lives
/// in Dialects/ and is tested there). Parentheses appear only where precedence needs them.
/// </summary>
internal static class SqlTestPrinter
{
    public static string Print(SqlExpression? expression) => expression is null ? "(none)" : Print(expression, 0);

    private static string Print(SqlExpression expression, int parentPrecedence)
    {
        var precedence = Precedence(expression);
        var text = expression switch
        {
            SqlColumn c => c.Table is null ? c.Name : $"{c.Table}.{c.Name}",
            SqlLiteral l => Literal(l),
            SqlParameter p => ":" + p.Name,
            SqlDatePart d => d.Part.ToString().ToLowerInvariant(),
            SqlUnary { Operator: UnaryOperator.Not } u => "NOT " + Print(u.Operand, precedence + 1),
            SqlUnary u => "-" + Print(u.Operand, precedence + 1),
            SqlBinary b => $"{Print(b.Left, precedence)} {Operator(b.Operator)} {Print(b.Right, precedence + (b.Operator is BinaryOperator.And or BinaryOperator.Or ? 0 : 1))}",
            SqlIsNull n => Print(n.Operand, precedence + 1) + (n.Negated ? " IS NOT NULL" : " IS NULL"),
            SqlIn i => $"{Print(i.Operand, precedence + 1)} {(i.Negated ? "NOT IN" : "IN")} ({string.Join(", ", i.Values.Select(v => Print(v, 0)))})",
            SqlBetween b => $"{Print(b.Operand, precedence + 1)} {(b.Negated ? "NOT BETWEEN" : "BETWEEN")} {Print(b.Low, precedence + 1)} AND {Print(b.High, precedence + 1)}",
            SqlLike l => $"{Print(l.Operand, precedence + 1)} {(l.Negated ? "NOT " : "")}{(l.CaseInsensitive ? "ILIKE" : "LIKE")} {Print(l.Pattern, precedence + 1)}{(l.Escape is { } e ? $" ESCAPE '{e}'" : "")}",
            SqlFunction f => $"{f.Name}({string.Join(", ", f.Arguments.Select(a => Print(a, 0)))})",
            _ => throw new ArgumentException($"Cannot print {expression.GetType().Name}", nameof(expression)),
        };
        return precedence < parentPrecedence ? "(" + text + ")" : text;
    }

    private static int Precedence(SqlExpression expression) => expression switch
    {
        SqlBinary { Operator: BinaryOperator.Or } => 1,
        SqlBinary { Operator: BinaryOperator.And } => 2,
        SqlUnary { Operator: UnaryOperator.Not } => 3,
        SqlBinary { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } => 4,
        SqlIsNull or SqlIn or SqlBetween or SqlLike => 4,
        SqlBinary { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Concat } => 5,
        SqlBinary => 6,
        SqlUnary => 7,
        _ => 8,
    };

    private static string Operator(BinaryOperator op) => op switch
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
        _ => "OR",
    };

    private static string Literal(SqlLiteral literal) => literal.Kind switch
    {
        SqlLiteralKind.Null => "NULL",
        SqlLiteralKind.Boolean => (bool)literal.Value! ? "TRUE" : "FALSE",
        SqlLiteralKind.Number => ((decimal)literal.Value!).ToString(CultureInfo.InvariantCulture),
        SqlLiteralKind.String => "'" + ((string)literal.Value!).Replace("'", "''", StringComparison.Ordinal) + "'",
        SqlLiteralKind.Date => "DATE '" + ((DateOnly)literal.Value!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
        _ => "TIMESTAMP '" + ((DateTime)literal.Value!).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'",
    };
}
