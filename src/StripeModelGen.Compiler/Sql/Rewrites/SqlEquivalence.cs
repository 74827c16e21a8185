using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// Structural equality of SQL expressions: the same node kinds with the same values, recursively.
/// (Record equality compares <see cref="ImmutableArray{T}"/> fields by reference, so two trees built
/// separately for the same SQL would differ.) Used by rewrites that match a GROUP BY key in a SELECT list.
/// </summary>
public static class SqlEquivalence
{
    public static bool Equal(SqlExpression? a, SqlExpression? b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a is null || b is null || a.GetType() != b.GetType())
            return false;
        return (a, b) switch
        {
            (SqlColumn x, SqlColumn y) => x == y,
            (SqlLiteral x, SqlLiteral y) => x.Kind == y.Kind && Equals(x.Value, y.Value),
            (SqlParameter x, SqlParameter y) => x == y,
            (SqlCteValue x, SqlCteValue y) => x == y,
            (SqlDatePart x, SqlDatePart y) => x == y,
            (SqlUnary x, SqlUnary y) => x.Operator == y.Operator && Equal(x.Operand, y.Operand),
            (SqlBinary x, SqlBinary y) => x.Operator == y.Operator && Equal(x.Left, y.Left) && Equal(x.Right, y.Right),
            (SqlIsNull x, SqlIsNull y) => x.Negated == y.Negated && Equal(x.Operand, y.Operand),
            (SqlIn x, SqlIn y) => x.Negated == y.Negated && Equal(x.Operand, y.Operand) && Equal(x.Values, y.Values),
            (SqlBetween x, SqlBetween y) => x.Negated == y.Negated && Equal(x.Operand, y.Operand) && Equal(x.Low, y.Low) && Equal(x.High, y.High),
            (SqlLike x, SqlLike y) => x.Negated == y.Negated && x.CaseInsensitive == y.CaseInsensitive && x.Escape == y.Escape
                && Equal(x.Operand, y.Operand) && Equal(x.Pattern, y.Pattern),
            (SqlCase x, SqlCase y) => x.Whens.Length == y.Whens.Length
                && x.Whens.Zip(y.Whens).All(w => Equal(w.First.Condition, w.Second.Condition) && Equal(w.First.Result, w.Second.Result))
                && Equal(x.Else, y.Else),
            (SqlCast x, SqlCast y) => x.Type == y.Type && Equal(x.Operand, y.Operand),
            (SqlFunction x, SqlFunction y) => string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase)
                && x.Distinct == y.Distinct && x.Star == y.Star && x.NullTreatment == y.NullTreatment
                && Equal(x.Arguments, y.Arguments) && Equal(x.Filter, y.Filter) && Equal(x.Window, y.Window),
            _ => a == b,
        };
    }

    public static bool Equal(ImmutableArray<SqlExpression> a, ImmutableArray<SqlExpression> b)
    {
        var left = a.IsDefault ? [] : a;
        var right = b.IsDefault ? [] : b;
        return left.Length == right.Length && left.Zip(right).All(p => Equal(p.First, p.Second));
    }

    private static bool Equal(SqlWindow? a, SqlWindow? b)
    {
        if (a is null || b is null)
            return a is null && b is null;
        var order = (a.OrderBy.IsDefault ? [] : a.OrderBy, b.OrderBy.IsDefault ? [] : b.OrderBy);
        return Equal(a.PartitionBy, b.PartitionBy)
            && order.Item1.Length == order.Item2.Length
            && order.Item1.Zip(order.Item2).All(o => o.First.Descending == o.Second.Descending && o.First.NullsFirst == o.Second.NullsFirst && Equal(o.First.Expression, o.Second.Expression))
            && a.Frame == b.Frame;
    }
}
