using System.Text;
using System.Text.RegularExpressions;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Tests.Filters;

/// <summary>
/// Evaluates the SQL expressions filters lower to, with SQL's three-valued logic (a C# null is SQL
/// NULL), so tests can check what a lowered filter selects without a database. Columns are looked up
/// by name; <c>DATE_TRUNC(week, x)</c> starts weeks on Monday, as the portable language defines it.
/// </summary>
internal static class SqlTestEvaluator
{
    public static object? Evaluate(SqlExpression expression, IReadOnlyDictionary<string, object?> columns) => expression switch
    {
        SqlColumn c => columns[c.Name],
        SqlLiteral l => l.Value,
        SqlUnary { Operator: UnaryOperator.Not } u => Evaluate(u.Operand, columns) is bool b ? !b : null,
        SqlBinary { Operator: BinaryOperator.And } b => And(Evaluate(b.Left, columns), Evaluate(b.Right, columns)),
        SqlBinary { Operator: BinaryOperator.Or } b => Or(Evaluate(b.Left, columns), Evaluate(b.Right, columns)),
        SqlBinary b => Compare(b.Operator, Evaluate(b.Left, columns), Evaluate(b.Right, columns)),
        SqlIsNull n => (Evaluate(n.Operand, columns) is null) != n.Negated,
        SqlIn i => In(Evaluate(i.Operand, columns), i.Values.Select(v => Evaluate(v, columns)).ToList(), i.Negated),
        SqlBetween b => Not(And(
            Compare(BinaryOperator.GreaterOrEqual, Evaluate(b.Operand, columns), Evaluate(b.Low, columns)),
            Compare(BinaryOperator.LessOrEqual, Evaluate(b.Operand, columns), Evaluate(b.High, columns))), b.Negated),
        SqlLike { CaseInsensitive: true } l => Not(Like(Lower(Evaluate(l.Operand, columns)), Lower(Evaluate(l.Pattern, columns)), l.Escape), l.Negated),
        SqlLike l => Not(Like(Evaluate(l.Operand, columns), Evaluate(l.Pattern, columns), l.Escape), l.Negated),
        SqlFunction f => Function(f, f.Arguments.Select(a => a is SqlDatePart part ? part.Part : Evaluate(a, columns)).ToList()),
        _ => throw new ArgumentException($"Cannot evaluate {expression.GetType().Name}", nameof(expression)),
    };

    /// <summary>Whether a WHERE clause keeps the row: only TRUE does.</summary>
    public static bool Keeps(SqlExpression? condition, IReadOnlyDictionary<string, object?> columns) =>
        condition is null || Evaluate(condition, columns) is true;

    private static object? Lower(object? value) => value is string text ? text.ToLowerInvariant() : value;

    private static object? Not(object? value, bool negate) => negate && value is bool b ? !b : value;

    private static object? And(object? left, object? right) =>
        left is false || right is false ? false : left is true && right is true ? true : null;

    private static object? Or(object? left, object? right) =>
        left is true || right is true ? true : left is false && right is false ? false : null;

    private static object? In(object? value, List<object?> values, bool negated)
    {
        object? result = false;
        foreach (var candidate in values)
            result = Or(result, Compare(BinaryOperator.Equal, value, candidate));
        return Not(result, negated);
    }

    private static object? Compare(BinaryOperator op, object? left, object? right)
    {
        if (left is null || right is null)
            return null;
        var order = (left, right) switch
        {
            (decimal a, decimal b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            (bool a, bool b) => a.CompareTo(b),
            _ => ToTimestamp(left).CompareTo(ToTimestamp(right)),
        };
        return op switch
        {
            BinaryOperator.Equal => order == 0,
            BinaryOperator.NotEqual => order != 0,
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            BinaryOperator.GreaterOrEqual => order >= 0,
            _ => throw new ArgumentException($"Cannot evaluate {op}", nameof(op)),
        };
    }

    private static DateTime ToTimestamp(object value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime t => t,
        _ => throw new ArgumentException($"Not a date: {value}", nameof(value)),
    };

    private static object? Like(object? value, object? pattern, char? escape)
    {
        if (value is not string text || pattern is not string like)
            return null;
        var regex = new StringBuilder("^");
        for (var i = 0; i < like.Length; i++)
        {
            var c = like[i];
            if (c == escape && i + 1 < like.Length)
                regex.Append(Regex.Escape(like[++i].ToString()));
            else
                regex.Append(c switch { '%' => ".*", '_' => ".", _ => Regex.Escape(c.ToString()) });
        }
        return Regex.IsMatch(text, regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    private static object? Function(SqlFunction function, List<object?> arguments)
    {
        if (arguments.Skip(function.Name == "DATE_TRUNC" || function.Name == "DATE_ADD" ? 1 : 0).Any(a => a is null))
            return null;
        switch (function.Name)
        {
            case "LOWER":
                return Lower(arguments[0]);
            case "STARTS_WITH":
                return ((string)arguments[0]!).StartsWith((string)arguments[1]!, StringComparison.Ordinal);
            case "DATE_TRUNC":
                var date = (DateOnly)arguments[1]!;
                return (DatePart)arguments[0]! switch
                {
                    DatePart.Day => date,
                    DatePart.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
                    DatePart.Month => new DateOnly(date.Year, date.Month, 1),
                    DatePart.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
                    DatePart.Year => new DateOnly(date.Year, 1, 1),
                    var part => throw new ArgumentException($"Cannot truncate a date to {part}", nameof(function)),
                };
            case "DATE_ADD":
                var amount = (int)(decimal)arguments[1]!;
                var start = (DateOnly)arguments[2]!;
                return (DatePart)arguments[0]! switch
                {
                    DatePart.Day => start.AddDays(amount),
                    DatePart.Week => start.AddDays(amount * 7),
                    DatePart.Month => start.AddMonths(amount),
                    DatePart.Quarter => start.AddMonths(amount * 3),
                    DatePart.Year => start.AddYears(amount),
                    var part => throw new ArgumentException($"Cannot add {part} to a date", nameof(function)),
                };
            default:
                throw new ArgumentException($"Cannot evaluate function {function.Name}", nameof(function));
        }
    }
}
