using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Filters;

/// <summary>What lowering needs to know about the query's clock and calendar.</summary>
/// <param name="Today">Today's date in the project's time zone (a date-valued SQL expression; the
/// caller builds it, since <c>CURRENT_DATE()</c> knows no time zone).</param>
/// <param name="WeekStart">The first day of a week for <c>this week</c>, <c>2 weeks</c> ...</param>
public sealed record FilterLoweringContext(SqlExpression Today, DayOfWeek WeekStart = DayOfWeek.Monday);

/// <summary>
/// Turns a <see cref="FilterExpression"/> on a value into a SQL condition made of
/// <see cref="Sql"/> nodes only. User values become <see cref="SqlLiteral"/>s, never text; the value
/// is never wrapped in a function (date ranges become <c>v &gt;= start AND v &lt; end</c>), so indexes
/// and partition pruning keep working, except that a string compared ignoring case is compared lower-cased
/// (<c>LOWER(v) = LOWER('x')</c>, <c>v ILIKE 'p'</c>), which an index on <c>LOWER(v)</c> serves.
/// </summary>
public static class FilterLowerer
{
    /// <summary>The condition, or null when the filter matches every row (an empty filter value).</summary>
    /// <param name="caseInsensitive">Compare strings ignoring case (a dimension with <c>case_sensitive: no</c>).</param>
    /// <exception cref="ArgumentException">The filter is (or contains) an <see cref="ErrorFilter"/>: filters with errors are not lowered.</exception>
    public static SqlExpression? Lower(FilterExpression filter, SqlExpression value, FilterLoweringContext context, bool caseInsensitive = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(context);
        return new Lowering(value, context, caseInsensitive).Lower(filter);
    }

    /// <summary>
    /// A dashboard filter without a default, bound at run time to the named parameter: equality for
    /// strings, numbers and yes/no (for a string compared ignoring case, <c>LOWER(v) = LOWER(:p)</c>); for
    /// dates the whole day the parameter names (<c>v &gt;= :p AND v &lt; DATE_ADD(day, 1, :p)</c>).
    /// </summary>
    public static SqlExpression LowerParameter(FilterKind kind, SqlExpression value, string parameterName, bool caseInsensitive = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        var parameter = new SqlParameter(parameterName);
        if (kind == FilterKind.Date)
            return And(new SqlBinary(BinaryOperator.GreaterOrEqual, value, parameter), new SqlBinary(BinaryOperator.Less, value, DateAdd(DatePart.Day, 1, parameter)));
        return caseInsensitive && kind == FilterKind.String
            ? new SqlBinary(BinaryOperator.Equal, LowerCase(value), LowerCase(parameter))
            : new SqlBinary(BinaryOperator.Equal, value, parameter);
    }

    private static SqlFunction LowerCase(SqlExpression x) => new("LOWER", [x]);

    /// <summary>A date range bound as a SQL date or timestamp expression.</summary>
    public static SqlExpression LowerBound(DateBound bound, FilterLoweringContext context)
    {
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(context);
        return bound switch
        {
            AbsoluteDate date => SqlLiteral.Date(date.Date),
            AbsoluteTimestamp timestamp => SqlLiteral.Timestamp(timestamp.Timestamp),
            RelativeDate relative => LowerRelative(relative, context),
            _ => throw new ArgumentException($"Unknown date bound {bound.GetType().Name}", nameof(bound)),
        };
    }

    /// <summary>Whether a NULL value matches the filter (Looker semantics; see <see cref="NotFilter"/>).</summary>
    public static bool MatchesNull(FilterExpression filter) => filter switch
    {
        MatchAllFilter or NullFilter or EmptyFilter => true,
        AnyOfFilter any => any.Operands.Any(MatchesNull),
        AllOfFilter all => all.Operands.All(MatchesNull),
        NotFilter not => !MatchesNull(not.Operand),
        _ => false,
    };

    /// <summary>
    /// <c>DATE_TRUNC(unit, today)</c> then one <c>DATE_ADD</c> per offset, weeks as 7 days and quarters as
    /// 3 months (parts every dialect adds). The portable <c>DATE_TRUNC(week, x)</c> starts weeks on
    /// Monday; another week start k days before Monday truncates <c>x + k days</c> and subtracts k days.
    /// </summary>
    private static SqlExpression LowerRelative(RelativeDate relative, FilterLoweringContext context)
    {
        var steps = new List<(DatePart Part, int Amount)>();
        SqlExpression anchor;
        switch (relative.Truncation)
        {
            case DateUnit.Day:
                anchor = context.Today;
                break;
            case DateUnit.Week:
                var shift = ((int)DayOfWeek.Monday - (int)context.WeekStart + 7) % 7;
                anchor = Truncate(DatePart.Week, shift == 0 ? context.Today : DateAdd(DatePart.Day, shift, context.Today));
                if (shift != 0)
                    steps.Add((DatePart.Day, -shift));
                break;
            default:
                anchor = Truncate(relative.Truncation == DateUnit.Month ? DatePart.Month : relative.Truncation == DateUnit.Quarter ? DatePart.Quarter : DatePart.Year, context.Today);
                break;
        }

        // Merge steps like RelativeDate does: days always, months while the date is the first of a month.
        var firstOfMonth = relative.Truncation is not (DateUnit.Day or DateUnit.Week);
        foreach (var offset in relative.Offsets)
        {
            var (part, amount) = offset.Unit switch
            {
                DateUnit.Day => (DatePart.Day, offset.Amount),
                DateUnit.Week => (DatePart.Day, checked(offset.Amount * 7)),
                DateUnit.Month => (DatePart.Month, offset.Amount),
                DateUnit.Quarter => (DatePart.Month, checked(offset.Amount * 3)),
                _ => (DatePart.Year, offset.Amount),
            };
            var mergeable = part == DatePart.Day || firstOfMonth;
            if (mergeable && steps.Count > 0 && steps[^1].Part == part)
                steps[^1] = (part, steps[^1].Amount + amount);
            else
                steps.Add((part, amount));
            if (steps[^1].Amount == 0)
                steps.RemoveAt(steps.Count - 1);
            firstOfMonth &= part != DatePart.Day;
        }
        return steps.Aggregate(anchor, (x, step) => DateAdd(step.Part, step.Amount, x));
    }

    private static SqlFunction Truncate(DatePart part, SqlExpression x) => new("DATE_TRUNC", [new SqlDatePart(part), x]);

    private static SqlFunction DateAdd(DatePart part, int amount, SqlExpression x) =>
        new("DATE_ADD", [new SqlDatePart(part), SqlLiteral.Number(amount), x]);

    private static SqlExpression And(SqlExpression left, SqlExpression right) => new SqlBinary(BinaryOperator.And, left, right);

    private static SqlExpression Or(SqlExpression left, SqlExpression right) => new SqlBinary(BinaryOperator.Or, left, right);

    /// <param name="caseInsensitive">Strings are compared lower-cased on both sides, LIKE patterns with ILIKE.</param>
    private sealed class Lowering(SqlExpression value, FilterLoweringContext context, bool caseInsensitive)
    {
        private const char LikeEscape = '\\';

        /// <summary>The value equalities compare: lower-cased when strings are compared ignoring case.</summary>
        private readonly SqlExpression _compared = caseInsensitive ? LowerCase(value) : value;

        /// <summary>A literal an equality compares <see cref="_compared"/> with.</summary>
        private SqlExpression Argument(SqlExpression literal) =>
            caseInsensitive && literal is SqlLiteral { Kind: SqlLiteralKind.String } ? LowerCase(literal) : literal;

        private SqlExpression IsNull => new SqlIsNull(value, Negated: false);

        private SqlExpression IsNotNull => new SqlIsNull(value, Negated: true);

        private SqlExpression Compare(BinaryOperator op, SqlExpression right) => new SqlBinary(op, value, right);

        public SqlExpression? Lower(FilterExpression filter) => filter switch
        {
            MatchAllFilter => null,
            ErrorFilter => throw new ArgumentException("A filter with errors cannot be lowered; stop after its diagnostics.", nameof(filter)),
            NullFilter => IsNull,
            EmptyFilter => Or(IsNull, Compare(BinaryOperator.Equal, SqlLiteral.String(""))),
            StringEqualsFilter f => new SqlBinary(BinaryOperator.Equal, _compared, Argument(SqlLiteral.String(f.Value))),
            StringLikeFilter f => Like(f.Pattern, negated: false),
            NumberCompareFilter f => Compare(Operator(f.Comparison), SqlLiteral.Number(f.Value)),
            NumberRangeFilter f => Range(f),
            YesNoFilter { Value: true } => value,
            YesNoFilter => Or(new SqlUnary(UnaryOperator.Not, value), IsNull),
            DateFilter f => Range(f.Range),
            AnyOfFilter f => LowerAny(f.Operands),
            AllOfFilter f => LowerAll(f.Operands),
            NotFilter f => LowerNot(f.Operand),
            _ => throw new ArgumentException($"Unknown filter node {filter.GetType().Name}", nameof(filter)),
        };

        /// <summary>
        /// <c>v LIKE 'p'</c>; a pattern whose literal text holds <c>%</c>, <c>_</c> or <c>\</c> escapes them
        /// with <c>\</c> and says so (<c>ESCAPE '\'</c>), so every dialect reads them as characters.
        /// </summary>
        private SqlExpression Like(LikePattern pattern, bool negated)
        {
            var escape = pattern.Parts.Any(p => p.Kind == LikePartKind.Literal && p.Text.AsSpan().IndexOfAny('%', '_', LikeEscape) >= 0)
                ? LikeEscape
                : (char?)null;
            return new SqlLike(value, SqlLiteral.String(pattern.ToSqlPattern(escape)), CaseInsensitive: caseInsensitive, Negated: negated, Escape: escape);
        }

        private SqlExpression Range(NumberRangeFilter range)
        {
            var low = SqlLiteral.Number(range.Low.Value);
            var high = SqlLiteral.Number(range.High.Value);
            if (range.Low.Inclusive && range.High.Inclusive)
                return new SqlBetween(value, low, high, Negated: false);
            return And(
                Compare(range.Low.Inclusive ? BinaryOperator.GreaterOrEqual : BinaryOperator.Greater, low),
                Compare(range.High.Inclusive ? BinaryOperator.LessOrEqual : BinaryOperator.Less, high));
        }

        private SqlExpression Range(DateRange range)
        {
            var start = range.Start is { } s ? Compare(BinaryOperator.GreaterOrEqual, LowerBound(s, context)) : null;
            var end = range.End is { } e ? Compare(BinaryOperator.Less, LowerBound(e, context)) : null;
            return (start, end) switch
            {
                ({ } a, { } b) => And(a, b),
                ({ } a, null) => a,
                (null, { } b) => b,
                _ => IsNotNull,
            };
        }

        /// <summary>OR of the operands; equalities become one <c>IN</c> where the first of them stood.</summary>
        private SqlExpression? LowerAny(ImmutableArray<FilterExpression> operands)
        {
            var parts = new List<SqlExpression?>();
            var equals = new List<SqlExpression>();
            var equalsAt = -1;
            foreach (var operand in operands)
            {
                if (EqualityLiteral(operand) is { } literal)
                {
                    if (equalsAt < 0)
                    {
                        equalsAt = parts.Count;
                        parts.Add(null);
                    }
                    equals.Add(literal);
                    continue;
                }
                var lowered = Lower(operand);
                if (lowered is null)
                    return null;
                parts.Add(lowered);
            }
            if (equalsAt >= 0)
                parts[equalsAt] = equals.Count == 1
                    ? new SqlBinary(BinaryOperator.Equal, _compared, Argument(equals[0]))
                    : new SqlIn(_compared, [.. equals.Select(Argument)], Negated: false);
            return parts.Select(p => p!).Aggregate(Or);
        }

        /// <summary>AND of the operands; negated equalities become one <c>NOT IN</c> that keeps NULLs.</summary>
        private SqlExpression? LowerAll(ImmutableArray<FilterExpression> operands)
        {
            var parts = new List<SqlExpression?>();
            var excluded = new List<SqlExpression>();
            var excludedAt = -1;
            foreach (var operand in operands)
            {
                if (operand is NotFilter not && EqualityLiteral(not.Operand) is { } literal)
                {
                    if (excludedAt < 0)
                    {
                        excludedAt = parts.Count;
                        parts.Add(null);
                    }
                    excluded.Add(literal);
                    continue;
                }
                if (Lower(operand) is { } lowered)
                    parts.Add(lowered);
            }
            if (excludedAt >= 0)
                parts[excludedAt] = NotEqualOrNull(excluded);
            return parts.Count == 0 ? null : parts.Select(p => p!).Aggregate(And);
        }

        /// <summary>
        /// Looker's "any value except": a non-NULL value matches when it does not match the operand
        /// (every condition is two-valued on non-NULL values); a NULL value matches when the operand
        /// does not match NULL.
        /// </summary>
        private SqlExpression LowerNot(FilterExpression operand)
        {
            switch (operand)
            {
                case MatchAllFilter:
                    return SqlLiteral.False;
                case NullFilter:
                    return IsNotNull;
                case EmptyFilter:
                    return And(IsNotNull, Compare(BinaryOperator.NotEqual, SqlLiteral.String("")));
                case NotFilter inner:
                    return Lower(inner.Operand) ?? SqlLiteral.True;
                case StringLikeFilter like:
                    return Or(Like(like.Pattern, negated: true), IsNull);
                case NumberRangeFilter { Low.Inclusive: true, High.Inclusive: true } range:
                    return Or(new SqlBetween(value, SqlLiteral.Number(range.Low.Value), SqlLiteral.Number(range.High.Value), Negated: true), IsNull);
                case AnyOfFilter any when any.Operands.All(o => EqualityLiteral(o) is not null):
                    return NotEqualOrNull([.. any.Operands.Select(o => EqualityLiteral(o)!)]);
            }
            if (EqualityLiteral(operand) is { } literal)
                return NotEqualOrNull([literal]);
            var condition = Lower(operand) ?? SqlLiteral.True;
            var negated = new SqlUnary(UnaryOperator.Not, condition);
            return MatchesNull(operand) ? And(IsNotNull, negated) : Or(negated, IsNull);
        }

        private SqlExpression NotEqualOrNull(List<SqlExpression> literals) => Or(
            literals.Count == 1
                ? new SqlBinary(BinaryOperator.NotEqual, _compared, Argument(literals[0]))
                : new SqlIn(_compared, [.. literals.Select(Argument)], Negated: true),
            IsNull);

        private static SqlLiteral? EqualityLiteral(FilterExpression filter) => filter switch
        {
            StringEqualsFilter s => SqlLiteral.String(s.Value),
            NumberCompareFilter { Comparison: NumberComparison.Equal } n => SqlLiteral.Number(n.Value),
            _ => null,
        };

        private static BinaryOperator Operator(NumberComparison comparison) => comparison switch
        {
            NumberComparison.Equal => BinaryOperator.Equal,
            NumberComparison.Less => BinaryOperator.Less,
            NumberComparison.LessOrEqual => BinaryOperator.LessOrEqual,
            NumberComparison.Greater => BinaryOperator.Greater,
            _ => BinaryOperator.GreaterOrEqual,
        };
    }
}
