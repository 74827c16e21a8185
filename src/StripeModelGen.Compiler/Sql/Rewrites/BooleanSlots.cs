using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// The walk behind <see cref="PredicatesToBits"/> and <see cref="BitsToPredicates"/>, for engines
/// without a boolean type in expressions (SQL Server): every place in a statement is either a value
/// (a SELECT item, a function argument, an operand of a comparison, IS NULL, IN, BETWEEN or LIKE, a CASE
/// result, a GROUP BY or ORDER BY key) or a condition (WHERE, HAVING, ON, a CASE WHEN, an operand of
/// AND, OR and NOT, a FILTER). A subclass fixes what stands in the wrong kind of place.
/// </summary>
public abstract class BooleanSlots : SqlTreeRewriter
{
    /// <summary>What <paramref name="expression"/> becomes where a value is expected.</summary>
    protected abstract SqlExpression AsValue(SqlExpression expression);

    /// <summary>What <paramref name="expression"/> becomes where a condition is expected.</summary>
    protected abstract SqlExpression AsCondition(SqlExpression expression);

    /// <summary>A comparison, AND/OR/NOT, IS NULL, IN, BETWEEN or LIKE: true or false (or unknown), never a value.</summary>
    public static bool IsPredicate(SqlExpression expression) => expression switch
    {
        SqlBinary binary => binary.Operator.IsComparison() || binary.Operator.IsLogical(),
        SqlUnary { Operator: UnaryOperator.Not } or SqlIsNull or SqlIn or SqlBetween or SqlLike => true,
        _ => false,
    };

    protected sealed override SqlExpression RewriteNode(SqlExpression node)
    {
        switch (node)
        {
            case SqlUnary { Operator: UnaryOperator.Not } not:
                return Same(AsCondition(not.Operand), not.Operand, out var negated) ? node : not with { Operand = negated };
            case SqlUnary unary:
                return Same(AsValue(unary.Operand), unary.Operand, out var value) ? node : unary with { Operand = value };
            case SqlBinary binary:
            {
                var fix = binary.Operator.IsLogical() ? (Func<SqlExpression, SqlExpression>)AsCondition : AsValue;
                var left = fix(binary.Left);
                var right = fix(binary.Right);
                return ReferenceEquals(left, binary.Left) && ReferenceEquals(right, binary.Right) ? node : binary with { Left = left, Right = right };
            }
            case SqlIsNull isNull:
                return Same(AsValue(isNull.Operand), isNull.Operand, out var tested) ? node : isNull with { Operand = tested };
            case SqlIn inList:
            {
                var operand = AsValue(inList.Operand);
                var values = Map(inList.Values, AsValue);
                return ReferenceEquals(operand, inList.Operand) && values == inList.Values ? node : inList with { Operand = operand, Values = values };
            }
            case SqlBetween between:
            {
                var operand = AsValue(between.Operand);
                var low = AsValue(between.Low);
                var high = AsValue(between.High);
                return ReferenceEquals(operand, between.Operand) && ReferenceEquals(low, between.Low) && ReferenceEquals(high, between.High)
                    ? node
                    : between with { Operand = operand, Low = low, High = high };
            }
            case SqlLike like:
            {
                var operand = AsValue(like.Operand);
                var pattern = AsValue(like.Pattern);
                return ReferenceEquals(operand, like.Operand) && ReferenceEquals(pattern, like.Pattern) ? node : like with { Operand = operand, Pattern = pattern };
            }
            case SqlCase @case:
            {
                var whens = Map(@case.Whens, w =>
                {
                    var condition = AsCondition(w.Condition);
                    var result = AsValue(w.Result);
                    return ReferenceEquals(condition, w.Condition) && ReferenceEquals(result, w.Result) ? w : new SqlWhen(condition, result);
                });
                var @else = @case.Else is null ? null : AsValue(@case.Else);
                return whens == @case.Whens && ReferenceEquals(@else, @case.Else) ? node : @case with { Whens = whens, Else = @else };
            }
            case SqlCast cast:
                return Same(AsValue(cast.Operand), cast.Operand, out var castOperand) ? node : cast with { Operand = castOperand };
            case SqlFunction function:
            {
                var arguments = Map(function.Arguments, AsValue);
                var filter = function.Filter is null ? null : AsCondition(function.Filter);
                var window = function.Window;
                if (window is not null)
                {
                    var partition = Map(window.PartitionBy, AsValue);
                    var order = Map(window.OrderBy, o => Same(AsValue(o.Expression), o.Expression, out var key) ? o : o with { Expression = key });
                    if (partition != window.PartitionBy || order != window.OrderBy)
                        window = window with { PartitionBy = partition, OrderBy = order };
                }
                return arguments == function.Arguments && ReferenceEquals(filter, function.Filter) && ReferenceEquals(window, function.Window)
                    ? node
                    : function with { Arguments = arguments, Filter = filter, Window = window };
            }
            default:
                return node;
        }
    }

    protected sealed override SqlSelect RewriteSelect(SqlSelect select)
    {
        var columns = Map(select.Columns, c => Same(AsValue(c.Expression), c.Expression, out var e) ? c : c with { Expression = e });
        var joins = Map(select.Joins, j => j.Condition is null || Same(AsCondition(j.Condition), j.Condition, out var on) ? j : j with { Condition = on });
        var where = select.Where is null ? null : AsCondition(select.Where);
        var groupBy = Map(select.GroupBy, AsValue);
        var having = select.Having is null ? null : AsCondition(select.Having);
        var orderBy = Map(select.OrderBy, o => Same(AsValue(o.Expression), o.Expression, out var e) ? o : o with { Expression = e });
        if (columns == select.Columns && joins == select.Joins && ReferenceEquals(where, select.Where) && groupBy == select.GroupBy
            && ReferenceEquals(having, select.Having) && orderBy == select.OrderBy)
            return select;
        return select with { Columns = columns, Joins = joins, Where = where, GroupBy = groupBy, Having = having, OrderBy = orderBy };
    }

    private static bool Same(SqlExpression rewritten, SqlExpression original, out SqlExpression result)
    {
        result = rewritten;
        return ReferenceEquals(rewritten, original);
    }
}

/// <summary>
/// A predicate where a value is expected becomes <c>CASE WHEN p THEN 1 WHEN NOT (p) THEN 0 END</c> (NULL
/// when p is unknown, as a boolean would be; <c>CASE WHEN p THEN 1 ELSE 0 END</c> for IS [NOT] NULL, which
/// is never unknown). For engines without boolean values (SQL Server), whose <c>literals.true</c> and
/// <c>false</c> are then <c>1</c> and <c>0</c>.
/// </summary>
public sealed class PredicatesToBits : BooleanSlots
{
    public override string Name => nameof(PredicatesToBits);

    public override string Description => "a yes/no condition used as a value becomes `CASE WHEN p THEN 1 WHEN NOT (p) THEN 0 END`";

    protected override SqlExpression AsValue(SqlExpression expression)
    {
        if (!IsPredicate(expression))
            return expression;
        var whenTrue = new SqlWhen(expression, SqlLiteral.Number(1));
        return expression is SqlIsNull
            ? new SqlCase([whenTrue], SqlLiteral.Number(0))
            : new SqlCase([whenTrue, new SqlWhen(new SqlUnary(UnaryOperator.Not, expression), SqlLiteral.Number(0))], null);
    }

    protected override SqlExpression AsCondition(SqlExpression expression) => expression;
}

/// <summary>
/// A yes/no value where a condition is expected (a bit column, a CASE, a function returning 1/0) becomes
/// <c>v = 1</c>; the literals TRUE and FALSE become <c>1 = 1</c> and <c>1 = 0</c>. For engines without
/// boolean values (SQL Server).
/// </summary>
public sealed class BitsToPredicates : BooleanSlots
{
    public override string Name => nameof(BitsToPredicates);

    public override string Description => "a yes/no value used as a condition becomes `v = 1`";

    protected override SqlExpression AsValue(SqlExpression expression) => expression;

    protected override SqlExpression AsCondition(SqlExpression expression) => expression switch
    {
        _ when IsPredicate(expression) => expression,
        SqlLiteral { Kind: SqlLiteralKind.Boolean, Value: bool value } => new SqlBinary(BinaryOperator.Equal, SqlLiteral.Number(1), SqlLiteral.Number(value ? 1 : 0)),
        _ => new SqlBinary(BinaryOperator.Equal, expression, SqlLiteral.Number(1)),
    };
}
