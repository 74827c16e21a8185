using System.Globalization;
using System.Text;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Dialects;

public sealed partial class SqlWriter
{
    /// <summary>
    /// How tightly a rendered expression holds together, lowest first. An operand is parenthesised when
    /// its level could let the surrounding operator reach into it; the levels are the intersection of the
    /// four dialects' precedence tables (PostgreSQL ranks IS below comparisons and IN/BETWEEN/LIKE above
    /// them, so every predicate operand at predicate level or below is parenthesised).
    /// </summary>
    private enum Level
    {
        /// <summary>A template that is not a single primary (<c>x AT TIME ZONE 'UTC'</c>): always parenthesised as an operand.</summary>
        Template,
        Or,
        And,
        Not,
        Predicate,
        Concat,
        Additive,
        Multiplicative,
        Unary,
        Primary,
    }

    private readonly record struct Rendered(string Text, Level Level);

    /// <summary>An expression whose surroundings close it off (a select item, a function argument, a list element).</summary>
    private string Delimited(SqlExpression expression) => Expression(expression).Text;

    /// <summary>One conjunct of a WHERE or HAVING written as an <c>AND</c> list.</summary>
    private string Conjunct(SqlExpression expression)
    {
        var rendered = Expression(expression);
        return rendered.Level is Level.Template or Level.Or ? Parenthesized(rendered.Text) : rendered.Text;
    }

    private static string Parenthesized(string text) => "(" + text + ")";

    private static string Operand(Rendered rendered, bool parenthesize) => parenthesize ? Parenthesized(rendered.Text) : rendered.Text;

    /// <summary>An operand of IS NULL, IN, BETWEEN, LIKE or a comparison.</summary>
    private string PredicateOperand(SqlExpression expression)
    {
        var rendered = Expression(expression);
        return Operand(rendered, rendered.Level <= Level.Predicate);
    }

    private Rendered Expression(SqlExpression expression) => expression switch
    {
        SqlColumn column => new(column.Table is null ? Quote(column.Name) : Quote(column.Table) + "." + Quote(column.Name), Level.Primary),
        SqlLiteral literal => Literal(literal),
        SqlParameter parameter => Parameter(parameter),
        SqlCteValue read => new($"(SELECT {Quote(read.Column)} FROM {Quote(read.Cte)})", Level.Primary),
        SqlUnary unary => Unary(unary),
        SqlBinary binary => Binary(binary),
        SqlIsNull isNull => new(PredicateOperand(isNull.Operand) + (isNull.Negated ? " IS NOT NULL" : " IS NULL"), Level.Predicate),
        SqlIn inList => In(inList),
        SqlBetween between => new(
            PredicateOperand(between.Operand) + (between.Negated ? " NOT BETWEEN " : " BETWEEN ") + PredicateOperand(between.Low) + " AND " + PredicateOperand(between.High),
            Level.Predicate),
        SqlLike like => Like(like),
        SqlCase @case => Case(@case),
        SqlCast cast => new($"CAST({Delimited(cast.Operand)} AS {TypeName(cast.Type)})", Level.Primary),
        SqlFunction function => Function(function),
        SqlSplitValue split => new(_dialect.SplitValue.Render(_ => Quote(split.Alias)), Level.Primary),
        SqlDatePart part => throw new ArgumentException($"A date part ({part.Part}) can only be a function argument", nameof(expression)),
        null => throw new ArgumentNullException(nameof(expression)),
        _ => throw new ArgumentException($"Unknown expression {expression.GetType().Name}", nameof(expression)),
    };

    private Rendered Unary(SqlUnary unary)
    {
        var operand = Expression(unary.Operand);
        return unary.Operator switch
        {
            // -(-x), not --x: two minus signs start a comment.
            UnaryOperator.Negate => new("-" + Operand(operand, operand.Level <= Level.Unary), Level.Unary),
            UnaryOperator.Plus => new("+" + Operand(operand, operand.Level <= Level.Unary), Level.Unary),
            UnaryOperator.Not => new("NOT " + Operand(operand, operand.Level < Level.Primary), Level.Not),
            _ => throw new ArgumentException($"Unknown unary operator {unary.Operator}", nameof(unary)),
        };
    }

    private Rendered Binary(SqlBinary binary)
    {
        var (level, text) = binary.Operator switch
        {
            BinaryOperator.Or => (Level.Or, "OR"),
            BinaryOperator.And => (Level.And, "AND"),
            BinaryOperator.Concat => (Level.Concat, ConcatOperator()),
            BinaryOperator.Add or BinaryOperator.Subtract => (Level.Additive, binary.Operator.ToText()),
            BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => (Level.Multiplicative, binary.Operator.ToText()),
            _ when binary.Operator.IsComparison() => (Level.Predicate, binary.Operator.ToText()),
            _ => throw new ArgumentException($"Unknown binary operator {binary.Operator}", nameof(binary)),
        };
        var left = Expression(binary.Left);
        var right = Expression(binary.Right);
        bool leftParens, rightParens;
        switch (level)
        {
            case Level.Or or Level.And:
                // a AND b AND c stays flat; a different logical operator inside is always parenthesised: a OR (b AND c).
                leftParens = left.Level < Level.Not && left.Level != level;
                rightParens = right.Level < Level.Not && right.Level != level;
                break;
            case Level.Predicate:
                // comparisons do not chain: (a = b) = c
                leftParens = left.Level <= Level.Predicate;
                rightParens = right.Level <= Level.Predicate;
                break;
            default:
                // left-associative: a - b - c, a - (b - c); a unary right operand is parenthesised: a - (-1)
                leftParens = left.Level < level;
                rightParens = right.Level <= level || right.Level == Level.Unary;
                break;
        }
        return new($"{Operand(left, leftParens)} {text} {Operand(right, rightParens)}", level);
    }

    private string ConcatOperator()
    {
        if (_dialect.ConcatOperator.Length == 0)
            Unsupported(DiagnosticCatalog.DialectUnsupported, "The `||` operator", _dialect.Name);
        return _dialect.ConcatOperator;
    }

    private Rendered In(SqlIn inList)
    {
        if (inList.Values.IsDefaultOrEmpty)
            throw new ArgumentException("IN needs at least one value", nameof(inList));
        return new(
            PredicateOperand(inList.Operand) + (inList.Negated ? " NOT IN (" : " IN (") + string.Join(", ", inList.Values.Select(Delimited)) + ")",
            Level.Predicate);
    }

    private Rendered Like(SqlLike like)
    {
        if (like.CaseInsensitive && !_dialect.Capabilities.Ilike)
            Unsupported(DiagnosticCatalog.DialectUnsupported, "`ILIKE`", _dialect.Name);
        var keyword = (like.Negated ? " NOT " : " ") + (like.CaseInsensitive ? "ILIKE " : "LIKE ");
        var escape = like.Escape is { } character
            ? " ESCAPE " + StringLiteral(character.ToString())
            : _dialect.LikeEscapeClause.Length == 0 ? string.Empty : " " + _dialect.LikeEscapeClause;
        return new(PredicateOperand(like.Operand) + keyword + PredicateOperand(like.Pattern) + escape, Level.Predicate);
    }

    private Rendered Case(SqlCase @case)
    {
        if (@case.Whens.IsDefaultOrEmpty)
            throw new ArgumentException("CASE needs at least one WHEN", nameof(@case));
        var builder = new StringBuilder("CASE");
        foreach (var when in @case.Whens)
            builder.Append(" WHEN ").Append(Delimited(when.Condition)).Append(" THEN ").Append(Delimited(when.Result));
        if (@case.Else is { } @else)
            builder.Append(" ELSE ").Append(Delimited(@else));
        builder.Append(" END");
        return new(builder.ToString(), Level.Primary);
    }

    private string TypeName(ScalarType type) =>
        _dialect.TypeNames.TryGetValue(type, out var name) ? name : throw new ArgumentException($"No CAST to {type}: only concrete types can be cast to", nameof(type));

    private string OrderItem(SqlOrderItem item)
    {
        var text = Delimited(item.Expression) + (item.Descending ? " DESC" : string.Empty);
        if (item.NullsFirst is not { } first)
            return text;
        if (!_dialect.Capabilities.NullsFirstLast)
            Unsupported(DiagnosticCatalog.DialectUnsupported, first ? "`NULLS FIRST`" : "`NULLS LAST`", _dialect.Name);
        return text + (first ? " NULLS FIRST" : " NULLS LAST");
    }

    /// <summary>
    /// A yes/no expression as a SELECT value, where the dialect has no boolean values (its rewrites turn
    /// predicates into 1/0 values; functions returning yes/no are templated to return 1/0 there).
    /// </summary>
    private void CheckValue(SqlExpression expression)
    {
        if (!_dialect.Capabilities.BooleanValues && IsPredicate(expression))
            Unsupported(DiagnosticCatalog.DialectUnsupported, "A yes/no value in a SELECT list", _dialect.Name);
    }

    /// <summary>A bare value as a condition (WHERE, HAVING, ON), where the dialect has no boolean values.</summary>
    private void CheckCondition(SqlExpression expression)
    {
        if (!_dialect.Capabilities.BooleanValues && !IsPredicate(expression))
            Unsupported(DiagnosticCatalog.DialectUnsupported, "A yes/no value used as a condition", _dialect.Name);
    }

    /// <summary>A comparison, AND/OR/NOT, IS NULL, IN, BETWEEN or LIKE (TRUE and FALSE are values: 1 and 0 there).</summary>
    private static bool IsPredicate(SqlExpression expression) => expression switch
    {
        SqlBinary binary => binary.Operator.IsComparison() || binary.Operator.IsLogical(),
        SqlUnary { Operator: UnaryOperator.Not } or SqlIsNull or SqlIn or SqlBetween or SqlLike => true,
        _ => false,
    };

    private Rendered Function(SqlFunction function)
    {
        var name = function.Name.ToUpperInvariant();
        var placeholder = new Rendered(name + "(...)", Level.Primary);
        if (!_dialect.Functions.TryGetValue(name, out var entry))
        {
            Unsupported(DiagnosticCatalog.DialectNoTemplate, function.Window is null ? name : name + "(...) OVER (...)", _dialect.Name);
            return placeholder;
        }
        if (entry.Unsupported is { } reason)
        {
            Unsupported(DiagnosticCatalog.DialectFunctionUnsupported, name, _dialect.Name, reason);
            return placeholder;
        }
        if (name == SqlFunctions.AtTimeZone && _dialect.TimeZoneNames == TimeZoneNames.Windows)
            function = WithWindowsTimeZone(function);
        var arity = function.Star ? 1 : function.Arguments.Length;
        var part = function.Arguments.OfType<SqlDatePart>().Select(p => (DatePart?)p.Part).FirstOrDefault();
        if (entry.Resolve(arity, part) is not { } template)
        {
            Unsupported(DiagnosticCatalog.DialectNoTemplate, $"{name} with {arity.ToString(CultureInfo.InvariantCulture)} argument(s)", _dialect.Name);
            return placeholder;
        }
        if (function.Distinct && !template.Has(SqlTemplate.DistinctHole))
            Unsupported(DiagnosticCatalog.DialectUnsupported, $"`DISTINCT` in `{name}`", _dialect.Name);
        if (function.Window is not null && !entry.AllowsWindow)
            Unsupported(DiagnosticCatalog.DialectUnsupported, $"`{name}(...) OVER (...)`", _dialect.Name);
        if (function.Window is null && entry.Window == WindowUse.Only)
            Unsupported(DiagnosticCatalog.DialectUnsupported, $"`{name}` without `OVER (...)`", _dialect.Name);

        var text = template.Render(hole => Hole(function, hole));
        var suffix = new StringBuilder();
        if (function.Filter is { } filter)
        {
            if (!_dialect.Capabilities.FilterClause)
                Unsupported(DiagnosticCatalog.DialectUnsupported, $"`FILTER (WHERE ...)` on `{name}`", _dialect.Name);
            suffix.Append(" FILTER (WHERE ").Append(Delimited(filter)).Append(')');
        }
        switch (function.NullTreatment)
        {
            case NullTreatment.IgnoreNulls:
                if (!_dialect.Capabilities.IgnoreNulls)
                    Unsupported(DiagnosticCatalog.DialectUnsupported, $"`IGNORE NULLS` on `{name}`", _dialect.Name);
                suffix.Append(" IGNORE NULLS");
                break;
            case NullTreatment.RespectNulls when _dialect.Capabilities.IgnoreNulls:
                // RESPECT NULLS is the default: dialects without the syntax need not spell it.
                suffix.Append(" RESPECT NULLS");
                break;
        }
        if (function.Window is { } window)
            suffix.Append(" OVER (").Append(Window(window)).Append(')');
        if (suffix.Length > 0 && !template.EndsWithCall)
        {
            Unsupported(DiagnosticCatalog.DialectUnsupported, $"`FILTER`, `IGNORE NULLS` or `OVER` on `{name}`", _dialect.Name);
            return placeholder;
        }
        return new(text + suffix, template.IsPrimary ? Level.Primary : Level.Template);
    }

    /// <summary>
    /// <c>AT_TIME_ZONE(ts, 'Europe/Berlin')</c> with the zone's Windows name, for engines that only know
    /// those (SQL Server); a zone without one, or one that is not a literal, is reported.
    /// </summary>
    private SqlFunction WithWindowsTimeZone(SqlFunction function)
    {
        if (function.Arguments.Length != 2 || function.Arguments[1] is not SqlLiteral { Kind: SqlLiteralKind.String, Value: string zone })
        {
            Unsupported(DiagnosticCatalog.DialectUnsupported, "A time zone that is not a literal IANA name", _dialect.Name);
            return function;
        }
        if (!WindowsTimeZones.TryGetWindowsName(zone, out var windows))
        {
            Unsupported(DiagnosticCatalog.DialectNoWindowsTimeZone, zone, _dialect.Name);
            return function;
        }
        return function with { Arguments = function.Arguments.SetItem(1, SqlLiteral.String(windows)) };
    }

    private string Hole(SqlFunction function, SqlTemplateHole hole)
    {
        switch (hole.Name)
        {
            case SqlTemplate.DistinctHole:
                return function.Distinct ? "DISTINCT " : string.Empty;
            case "args":
                return function.Star ? "*" : string.Join(", ", function.Arguments.Select(Argument));
        }
        var index = hole.Index ?? throw new ArgumentException($"Unknown hole {{{hole.Name}}}", nameof(hole));
        if (function.Star && index == 0)
            return "*";
        if (index >= function.Arguments.Length)
            throw new ArgumentException($"{function.Name} has no argument {index}", nameof(function));
        var argument = function.Arguments[index];
        if (argument is SqlDatePart part)
            return ModelNames.Of(part.Part);
        if (hole.InString)
            throw new ArgumentException($"Only a date part may fill {{{index}}} of {function.Name}, which sits inside a string", nameof(function));
        var rendered = Expression(argument);
        return Operand(rendered, !hole.Delimited && rendered.Level < Level.Primary);
    }

    private string Argument(SqlExpression argument) => argument is SqlDatePart part ? ModelNames.Of(part.Part) : Delimited(argument);

    private string Window(SqlWindow window)
    {
        var parts = new List<string>(3);
        if (!window.PartitionBy.IsDefaultOrEmpty)
            parts.Add("PARTITION BY " + string.Join(", ", window.PartitionBy.Select(Delimited)));
        if (!window.OrderBy.IsDefaultOrEmpty)
            parts.Add("ORDER BY " + string.Join(", ", window.OrderBy.Select(OrderItem)));
        if (window.Frame is { } frame)
        {
            var unit = frame.Unit == FrameUnit.Rows ? "ROWS" : "RANGE";
            parts.Add($"{unit} BETWEEN {Bound(frame.Start)} AND {Bound(frame.End)}");
        }
        return string.Join(' ', parts);
    }

    private static string Bound(BoundFrameBound bound) => bound.Kind switch
    {
        FrameBoundKind.UnboundedPreceding => "UNBOUNDED PRECEDING",
        FrameBoundKind.Preceding => $"{Offset(bound.Offset)} PRECEDING",
        FrameBoundKind.CurrentRow => "CURRENT ROW",
        FrameBoundKind.Following => $"{Offset(bound.Offset)} FOLLOWING",
        FrameBoundKind.UnboundedFollowing => "UNBOUNDED FOLLOWING",
        _ => throw new ArgumentException($"Unknown frame bound {bound.Kind}", nameof(bound)),
    };

    private static string Offset(int offset) =>
        offset >= 0 ? offset.ToString(CultureInfo.InvariantCulture) : throw new ArgumentException($"A frame offset cannot be negative: {offset}", nameof(offset));
}
