using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// Walks a statement bottom-up and rebuilds only what changed: <see cref="RewriteNode"/> sees each
/// expression after its children were rewritten. Subclasses override that hook (and, for clause-level
/// rewrites, <see cref="RewriteSelect"/>); everything else is shared with the input.
/// </summary>
public abstract class SqlTreeRewriter : SqlRewrite
{
    public override SqlStatement Apply(SqlStatement statement) => statement switch
    {
        SqlQueryStatement query => RewriteQuery(query.Query) is var rewrittenQuery && Same(query.Query, rewrittenQuery) ? query : query with { Query = rewrittenQuery },
        SqlCreateView view => RewriteQuery(view.Query) is var rewritten && Same(view.Query, rewritten) ? view : view with { Query = rewritten },
        null => throw new ArgumentNullException(nameof(statement)),
        _ => throw new NotSupportedException($"{Name} does not know statement {statement.GetType().Name}"),
    };

    /// <summary>The post-order hook: <paramref name="node"/>'s children are already rewritten.</summary>
    protected virtual SqlExpression RewriteNode(SqlExpression node) => node;

    /// <summary>The hook for a FROM or JOIN source, after a derived table's query or a split's list was rewritten.</summary>
    protected virtual SqlSource RewriteSourceNode(SqlSource source) => source;

    /// <summary>The hook for a whole SELECT, after its parts were rewritten.</summary>
    protected virtual SqlSelect RewriteSelect(SqlSelect select) => select;

    protected SqlQuery RewriteQuery(SqlQuery query) => query switch
    {
        SqlSelect select => RewriteSelect(RewriteSelectParts(select)),
        SqlValues values => RewriteValues(values),
        SqlUnionAll union => Map(union.Queries, RewriteQuery) is var queries && queries == union.Queries ? union : union with { Queries = queries },
        _ => throw new NotSupportedException($"{Name} does not know query {query.GetType().Name}"),
    };

    private SqlSelect RewriteSelectParts(SqlSelect select)
    {
        var ctes = Map(select.Ctes, cte => RewriteQuery(cte.Query) is var q && Same(q, cte.Query) ? cte : cte with { Query = q });
        var columns = Map(select.Columns, item => Rewrite(item.Expression) is var e && Same(e, item.Expression) ? item : item with { Expression = e });
        var from = select.From is null ? null : RewriteSource(select.From);
        var joins = Map(select.Joins, RewriteJoin);
        var where = RewriteOptional(select.Where);
        var groupBy = Map(select.GroupBy, Rewrite);
        var having = RewriteOptional(select.Having);
        var orderBy = Map(select.OrderBy, RewriteOrderItem);
        if (ctes == select.Ctes && columns == select.Columns && Same(from, select.From) && joins == select.Joins && Same(where, select.Where)
            && groupBy == select.GroupBy && Same(having, select.Having) && orderBy == select.OrderBy)
            return select;
        return select with { Ctes = ctes, Columns = columns, From = from, Joins = joins, Where = where, GroupBy = groupBy, Having = having, OrderBy = orderBy };
    }

    private SqlValues RewriteValues(SqlValues values)
    {
        var rows = Map(values.Rows, row => Map(row, Rewrite));
        return rows == values.Rows ? values : values with { Rows = rows };
    }

    private SqlSource RewriteSource(SqlSource source) => RewriteSourceNode(source switch
    {
        SqlDerivedTable derived => RewriteQuery(derived.Query) is var q && Same(q, derived.Query) ? derived : derived with { Query = q },
        SqlSplitSource split => Rewrite(split.List) is var list && Same(list, split.List) ? split : split with { List = list },
        _ => source,
    });

    private SqlJoin RewriteJoin(SqlJoin join)
    {
        var source = RewriteSource(join.Source);
        var condition = RewriteOptional(join.Condition);
        return Same(source, join.Source) && Same(condition, join.Condition) ? join : join with { Source = source, Condition = condition };
    }

    private SqlOrderItem RewriteOrderItem(SqlOrderItem item) =>
        Rewrite(item.Expression) is var e && Same(e, item.Expression) ? item : item with { Expression = e };

    private SqlExpression? RewriteOptional(SqlExpression? expression) => expression is null ? null : Rewrite(expression);

    /// <summary>Rewrites the children of <paramref name="expression"/>, then the node itself.</summary>
    protected SqlExpression Rewrite(SqlExpression expression) => RewriteNode(RewriteChildren(expression));

    private SqlExpression RewriteChildren(SqlExpression expression)
    {
        switch (expression)
        {
            case SqlColumn or SqlLiteral or SqlParameter or SqlCteValue or SqlDatePart or SqlSplitValue or SqlMissingColumn:
                return expression;
            case SqlUnary unary:
                return Rewrite(unary.Operand) is var unaryOperand && Same(unaryOperand, unary.Operand) ? unary : unary with { Operand = unaryOperand };
            case SqlBinary binary:
            {
                var left = Rewrite(binary.Left);
                var right = Rewrite(binary.Right);
                return Same(left, binary.Left) && Same(right, binary.Right) ? binary : binary with { Left = left, Right = right };
            }
            case SqlIsNull isNull:
                return Rewrite(isNull.Operand) is var isNullOperand && Same(isNullOperand, isNull.Operand) ? isNull : isNull with { Operand = isNullOperand };
            case SqlIn inList:
            {
                var operand = Rewrite(inList.Operand);
                var values = Map(inList.Values, Rewrite);
                return Same(operand, inList.Operand) && values == inList.Values ? inList : inList with { Operand = operand, Values = values };
            }
            case SqlBetween between:
            {
                var operand = Rewrite(between.Operand);
                var low = Rewrite(between.Low);
                var high = Rewrite(between.High);
                return Same(operand, between.Operand) && Same(low, between.Low) && Same(high, between.High)
                    ? between
                    : between with { Operand = operand, Low = low, High = high };
            }
            case SqlLike like:
            {
                var operand = Rewrite(like.Operand);
                var pattern = Rewrite(like.Pattern);
                return Same(operand, like.Operand) && Same(pattern, like.Pattern) ? like : like with { Operand = operand, Pattern = pattern };
            }
            case SqlCase @case:
            {
                var whens = Map(@case.Whens, w =>
                {
                    var condition = Rewrite(w.Condition);
                    var result = Rewrite(w.Result);
                    return Same(condition, w.Condition) && Same(result, w.Result) ? w : new SqlWhen(condition, result);
                });
                var @else = RewriteOptional(@case.Else);
                return whens == @case.Whens && Same(@else, @case.Else) ? @case : @case with { Whens = whens, Else = @else };
            }
            case SqlCast cast:
                return Rewrite(cast.Operand) is var castOperand && Same(castOperand, cast.Operand) ? cast : cast with { Operand = castOperand };
            case SqlFunction function:
            {
                var arguments = Map(function.Arguments, Rewrite);
                var filter = RewriteOptional(function.Filter);
                var window = function.Window is null ? null : RewriteWindow(function.Window);
                return arguments == function.Arguments && Same(filter, function.Filter) && Same(window, function.Window)
                    ? function
                    : function with { Arguments = arguments, Filter = filter, Window = window };
            }
            default:
                throw new NotSupportedException($"{Name} does not know expression {expression.GetType().Name}");
        }
    }

    private SqlWindow RewriteWindow(SqlWindow window)
    {
        var partitionBy = Map(window.PartitionBy, Rewrite);
        var orderBy = Map(window.OrderBy, RewriteOrderItem);
        return partitionBy == window.PartitionBy && orderBy == window.OrderBy ? window : window with { PartitionBy = partitionBy, OrderBy = orderBy };
    }

    /// <summary>Maps every item; returns the same array (by reference) when no item changed.</summary>
    protected static ImmutableArray<T> Map<T>(ImmutableArray<T> items, Func<T, T> map)
        where T : class
    {
        if (items.IsDefaultOrEmpty)
            return items;
        ImmutableArray<T>.Builder? builder = null;
        for (var i = 0; i < items.Length; i++)
        {
            var mapped = map(items[i]);
            if (builder is null && !ReferenceEquals(mapped, items[i]))
            {
                builder = ImmutableArray.CreateBuilder<T>(items.Length);
                for (var j = 0; j < i; j++)
                    builder.Add(items[j]);
            }
            builder?.Add(mapped);
        }
        return builder is null ? items : builder.MoveToImmutable();
    }

    private static ImmutableArray<ImmutableArray<SqlExpression>> Map(ImmutableArray<ImmutableArray<SqlExpression>> rows, Func<ImmutableArray<SqlExpression>, ImmutableArray<SqlExpression>> map)
    {
        if (rows.IsDefaultOrEmpty)
            return rows;
        var changed = false;
        var builder = ImmutableArray.CreateBuilder<ImmutableArray<SqlExpression>>(rows.Length);
        foreach (var row in rows)
        {
            var mapped = map(row);
            changed |= mapped != row;
            builder.Add(mapped);
        }
        return changed ? builder.MoveToImmutable() : rows;
    }

    private static bool Same(object? a, object? b) => ReferenceEquals(a, b);
}
