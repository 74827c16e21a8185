using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// Rebuilds one node with each direct child mapped (FILTER and the window's keys included), sharing
/// the node when nothing changed: the step of a top-down rewrite, where <see cref="SqlTreeRewriter"/>
/// walks bottom-up.
/// </summary>
public static class SqlExpressionMap
{
    public static SqlExpression Children(SqlExpression expression, Func<SqlExpression, SqlExpression> map)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(map);
        switch (expression)
        {
            case SqlColumn or SqlLiteral or SqlParameter or SqlCteValue or SqlDatePart or SqlSplitValue or SqlMissingColumn:
                return expression;
            case SqlUnary unary:
                return Changed(map(unary.Operand), unary.Operand, out var operand) ? unary with { Operand = operand } : unary;
            case SqlBinary binary:
            {
                var left = map(binary.Left);
                var right = map(binary.Right);
                return ReferenceEquals(left, binary.Left) && ReferenceEquals(right, binary.Right) ? binary : binary with { Left = left, Right = right };
            }
            case SqlIsNull isNull:
                return Changed(map(isNull.Operand), isNull.Operand, out var tested) ? isNull with { Operand = tested } : isNull;
            case SqlIn inList:
            {
                var value = map(inList.Operand);
                var values = All(inList.Values, map);
                return ReferenceEquals(value, inList.Operand) && values == inList.Values ? inList : inList with { Operand = value, Values = values };
            }
            case SqlBetween between:
            {
                var value = map(between.Operand);
                var low = map(between.Low);
                var high = map(between.High);
                return ReferenceEquals(value, between.Operand) && ReferenceEquals(low, between.Low) && ReferenceEquals(high, between.High)
                    ? between
                    : between with { Operand = value, Low = low, High = high };
            }
            case SqlLike like:
            {
                var value = map(like.Operand);
                var pattern = map(like.Pattern);
                return ReferenceEquals(value, like.Operand) && ReferenceEquals(pattern, like.Pattern) ? like : like with { Operand = value, Pattern = pattern };
            }
            case SqlCase @case:
            {
                var changed = false;
                var whens = ImmutableArray.CreateBuilder<SqlWhen>(@case.Whens.Length);
                foreach (var when in @case.Whens)
                {
                    var condition = map(when.Condition);
                    var result = map(when.Result);
                    changed |= !ReferenceEquals(condition, when.Condition) || !ReferenceEquals(result, when.Result);
                    whens.Add(new SqlWhen(condition, result));
                }
                var @else = @case.Else is null ? null : map(@case.Else);
                changed |= !ReferenceEquals(@else, @case.Else);
                return changed ? @case with { Whens = whens.MoveToImmutable(), Else = @else } : @case;
            }
            case SqlCast cast:
                return Changed(map(cast.Operand), cast.Operand, out var castOperand) ? cast with { Operand = castOperand } : cast;
            case SqlFunction function:
            {
                var arguments = All(function.Arguments, map);
                var filter = function.Filter is null ? null : map(function.Filter);
                var window = function.Window;
                if (window is not null)
                {
                    var partition = All(window.PartitionBy, map);
                    var order = window.OrderBy.IsDefaultOrEmpty
                        ? window.OrderBy
                        : window.OrderBy.Select(o => Changed(map(o.Expression), o.Expression, out var key) ? o with { Expression = key } : o).ToImmutableArray();
                    if (partition != window.PartitionBy || !order.SequenceEqual(window.OrderBy))
                        window = window with { PartitionBy = partition, OrderBy = order };
                }
                return arguments == function.Arguments && ReferenceEquals(filter, function.Filter) && ReferenceEquals(window, function.Window)
                    ? function
                    : function with { Arguments = arguments, Filter = filter, Window = window };
            }
            default:
                throw new NotSupportedException($"Unknown expression {expression.GetType().Name}");
        }
    }

    private static ImmutableArray<SqlExpression> All(ImmutableArray<SqlExpression> items, Func<SqlExpression, SqlExpression> map)
    {
        if (items.IsDefaultOrEmpty)
            return items;
        var mapped = items.Select(map).ToImmutableArray();
        return Enumerable.Range(0, items.Length).All(i => ReferenceEquals(mapped[i], items[i])) ? items : mapped;
    }

    private static bool Changed(SqlExpression mapped, SqlExpression original, out SqlExpression result)
    {
        result = mapped;
        return !ReferenceEquals(mapped, original);
    }
}
