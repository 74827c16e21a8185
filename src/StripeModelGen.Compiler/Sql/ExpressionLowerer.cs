using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql;

/// <summary>
/// Lowers bound expressions and fields to SQL expressions for one SELECT: inlines referenced dimensions
/// (read through the alias of the field that references them), maps columns to the source's physical
/// names, applies timeframes in the project's time zone, and scales money to major units where a value
/// is shown, filtered or aggregated.
/// </summary>
internal sealed class ExpressionLowerer(LoweringContext context, SelectScope scope)
{
    /// <summary>How a formula's reference to a measure reads that measure's aggregate in the SELECT being built.</summary>
    public Func<FieldReference, SqlExpression>? MeasureResolver { get; init; }

    public string Dialect => context.Dialect;

    /// <summary>The derived view whose own SELECT is being built: its dimensions are computed here, not read as columns.</summary>
    public ViewSymbol? InlineView { get; init; }

    /// <summary>A dimension as the query shows it: its timeframe or interval applied, money in major units.</summary>
    public SqlExpression Output(FieldReference dimension) =>
        dimension.Field is DimensionSymbol { Type: DimensionType.Money } money ? Scaled(Value(dimension), money, dimension.Alias) : Value(dimension);

    /// <summary>
    /// A dimension as a filter compares it: like <see cref="Output"/>, with times in the project's wall-clock
    /// time. A time read at its date compares the timestamp itself (a day-aligned range holds the same rows),
    /// so the column stays bare and an index on it can serve the filter.
    /// </summary>
    public SqlExpression FilterValue(FieldReference dimension) =>
        dimension is { Field: DimensionSymbol { Type: DimensionType.Time }, Timeframe: null or Timeframe.Raw or Timeframe.Time or Timeframe.Date }
            ? context.WallClock(Raw(dimension))
            : Output(dimension);

    /// <summary>The per-row value a measure aggregates (money in major units; the primary key for a count).</summary>
    public SqlExpression? MeasureValue(FieldReference measure)
    {
        var symbol = (MeasureSymbol)measure.Field;
        if (symbol.Type == MeasureType.Count)
            return symbol.View.PrimaryKey is { } key ? Value(new FieldReference(measure.Alias, key)) : null;
        var value = Lower(Pick(symbol.Expression!, symbol.DialectExpressions), measure);
        if (symbol.Currency is { } currency && symbol.Type != MeasureType.CountDistinct)
            value = new SqlBinary(BinaryOperator.Divide, value, scope.Factor(measure.Alias, CurrencyKey(currency), Lower(currency, measure)));
        return value;
    }

    /// <summary>A dimension's value: its expression (or per-dialect replacement), then its timeframe or interval.</summary>
    public SqlExpression Value(FieldReference dimension)
    {
        var symbol = (DimensionSymbol)dimension.Field;
        if (symbol.Type == DimensionType.Duration)
        {
            var interval = dimension.Interval ?? symbol.Intervals.FirstOrDefault();
            return new SqlFunction("DATE_DIFF", [new SqlDatePart(PartOf(interval)), Lower(symbol.Start!, dimension), Lower(symbol.End!, dimension)]);
        }
        var raw = Raw(dimension);
        return dimension.Timeframe is { } timeframe && symbol.HasTimeframes ? Timeframed(raw, timeframe, symbol.Type) : raw;
    }

    /// <summary>An expression written in a view's field (<paramref name="owner"/>) or, with a null owner, in an explore.</summary>
    public SqlExpression Lower(BoundExpression expression, FieldReference? owner) => expression switch
    {
        BoundLiteral literal => Literal(literal),
        BoundColumn column => Column(column, owner?.Alias ?? column.View.Name),
        BoundFieldExpression reference => Reference(owner is null ? reference.Reference : reference.Reference with { Alias = AliasOf(reference.Reference, owner) }),
        BoundDatePart part => new SqlDatePart(part.Part),
        BoundSplitValue split => new SqlSplitValue(split.Alias),
        BoundUnary unary => new SqlUnary(unary.Operator, Lower(unary.Operand, owner)),
        BoundBinary binary => new SqlBinary(binary.Operator, Lower(binary.Left, owner), Lower(binary.Right, owner)),
        BoundIsNull isNull => new SqlIsNull(Lower(isNull.Operand, owner), isNull.Negated),
        BoundIn @in => new SqlIn(Lower(@in.Operand, owner), [.. @in.Values.Select(v => Lower(v, owner))], @in.Negated),
        BoundBetween between => new SqlBetween(Lower(between.Operand, owner), Lower(between.Low, owner), Lower(between.High, owner), between.Negated),
        BoundLike like => new SqlLike(Lower(like.Operand, owner), Lower(like.Pattern, owner), like.CaseInsensitive, like.Negated),
        BoundCase @case => new SqlCase([.. @case.Whens.Select(w => new SqlWhen(Lower(w.Condition, owner), Lower(w.Result, owner)))], @case.Else is null ? null : Lower(@case.Else, owner)),
        BoundCast cast => new SqlCast(Lower(cast.Operand, owner), cast.Type),
        BoundFunctionCall call => Call(call, owner),
        _ => throw new InvalidOperationException($"Cannot lower {expression.GetType().Name}: the model was not bound cleanly"),
    };

    private SqlExpression Reference(FieldReference reference) =>
        reference.Field.IsMeasure
            ? MeasureResolver?.Invoke(reference) ?? throw new InvalidOperationException($"Measure {reference} read outside a measure formula")
            : Value(reference);

    private static string AliasOf(FieldReference reference, FieldReference owner) =>
        reference.Field.View == owner.Field.View && reference.Alias == owner.Field.View.Name ? owner.Alias : reference.Alias;

    private SqlExpression Raw(FieldReference dimension)
    {
        var symbol = (DimensionSymbol)dimension.Field;
        if (symbol.View.Derived is not null && symbol.View != InlineView)
            return new SqlColumn(dimension.Alias, symbol.Name);
        if (symbol.HasWindow && symbol.View.ComputesWindows && symbol.View != InlineView)
            return new SqlColumn(dimension.Alias, TableSources.WindowColumn(symbol));
        return Lower(Pick(symbol.Expression, symbol.DialectExpressions), dimension);
    }

    private BoundExpression Pick(BoundExpression expression, ImmutableSortedDictionary<string, BoundExpression> perDialect) =>
        perDialect.GetValueOrDefault(context.Dialect) ?? expression;

    private SqlExpression Scaled(SqlExpression minorUnits, DimensionSymbol money, string alias) =>
        new SqlBinary(BinaryOperator.Divide, minorUnits, scope.Factor(alias, CurrencyKey(money.Currency!), Lower(money.Currency!, new FieldReference(alias, money))));

    private static string CurrencyKey(BoundExpression currency) =>
        currency is BoundFieldExpression field ? "field:" + field.Reference.QualifiedName : "at:" + currency.Location;

    private SqlExpression Timeframed(SqlExpression raw, Timeframe timeframe, DimensionType type)
    {
        if (timeframe == Timeframe.Raw)
            return raw;
        var wall = type == DimensionType.Time ? context.WallClock(raw) : raw;
        SqlExpression Date(SqlExpression x) => type == DimensionType.Date && timeframe == Timeframe.Date ? x : new SqlFunction("DATE", [x]);
        SqlExpression Trunc(DatePart part) => new SqlFunction("DATE_TRUNC", [new SqlDatePart(part), wall]);
        return timeframe switch
        {
            Timeframe.Time => wall,
            Timeframe.Date => Date(wall),
            Timeframe.Week => Date(WeekStart(wall)),
            Timeframe.Month => Date(Trunc(DatePart.Month)),
            Timeframe.Quarter => Date(Trunc(DatePart.Quarter)),
            Timeframe.Year => Date(Trunc(DatePart.Year)),
            Timeframe.Hour => Trunc(DatePart.Hour),
            Timeframe.DayOfWeek => new SqlFunction(SqlFunctions.DayOfWeekName, [wall]),
            _ => new SqlFunction("DATE_PART", [new SqlDatePart(DatePart.Month), wall]),
        };
    }

    /// <summary>The first day of the week of <paramref name="value"/>; <c>DATE_TRUNC(week, ...)</c> starts weeks on Monday.</summary>
    private SqlExpression WeekStart(SqlExpression value)
    {
        var shift = ((int)DayOfWeek.Monday - (int)context.Project.WeekStart + 7) % 7;
        if (shift == 0)
            return new SqlFunction("DATE_TRUNC", [new SqlDatePart(DatePart.Week), value]);
        SqlExpression Add(int days, SqlExpression x) => new SqlFunction("DATE_ADD", [new SqlDatePart(DatePart.Day), SqlLiteral.Number(days), x]);
        return Add(-shift, new SqlFunction("DATE_TRUNC", [new SqlDatePart(DatePart.Week), Add(shift, value)]));
    }

    private static DatePart PartOf(DurationInterval interval) => interval switch
    {
        DurationInterval.Minute => DatePart.Minute,
        DurationInterval.Hour => DatePart.Hour,
        DurationInterval.Week => DatePart.Week,
        DurationInterval.Month => DatePart.Month,
        DurationInterval.Year => DatePart.Year,
        _ => DatePart.Day,
    };

    private SqlExpression Call(BoundFunctionCall call, FieldReference? owner)
    {
        if (call.Function.Name == "CURRENCY_FACTOR")
            return CurrencyExponents.Factor(Lower(call.Arguments[0], owner));
        if (call.Function.Name == "CURRENT_TIMESTAMP")
            return context.CurrentTimestamp();
        if (call.Function.Name == "CURRENT_DATE")
            return context.CurrentDate();
        var window = call.Window is null
            ? null
            : new SqlWindow(
                [.. call.Window.PartitionBy.Select(p => Lower(p, owner))],
                [.. call.Window.OrderBy.Select(o => new SqlOrderItem(Lower(o.Expression, owner), o.Descending, o.NullsFirst))],
                call.Window.Frame);
        return new SqlFunction(
            call.Function.Name,
            [.. call.Arguments.Select(a => Lower(a, owner))],
            call.Distinct,
            call.Star,
            call.NullTreatment,
            call.Filter is null ? null : Lower(call.Filter, owner),
            window);
    }

    private static SqlLiteral Literal(BoundLiteral literal) => literal.Value switch
    {
        null => SqlLiteral.Null,
        bool b => b ? SqlLiteral.True : SqlLiteral.False,
        string s => SqlLiteral.String(s),
        decimal d => SqlLiteral.Number(d),
        double d => SqlLiteral.Number((decimal)d),
        _ => SqlLiteral.String(Convert.ToString(literal.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };

    /// <summary>A column under its physical name; epoch integers are read as timestamps; a column the source lacks is marked.</summary>
    private SqlExpression Column(BoundColumn column, string alias)
    {
        var stored = column.View.Table is { } table ? context.Source?.Tables.GetValueOrDefault(table) : null;
        if (stored is not null && stored.Lacks(column.Column))
            return new SqlMissingColumn(stored.Name, column.Column);
        if (column.View.ComputesWindows && column.View != InlineView)
            return new SqlColumn(alias, column.Column);
        var mapped = context.StagingRelation is null ? stored?.Columns.GetValueOrDefault(column.Column) : null;
        var physical = new SqlColumn(alias, mapped?.Column ?? column.Column);
        return mapped?.Storage switch
        {
            ColumnStorage.EpochSeconds => new SqlFunction("FROM_UNIXTIME", [physical]),
            ColumnStorage.EpochMilliseconds => new SqlFunction("FROM_UNIXTIME", [new SqlBinary(BinaryOperator.Divide, physical, SqlLiteral.Number(1000))]),
            ColumnStorage.Iso8601Text => new SqlFunction("FROM_ISO8601", [physical]),
            _ => physical,
        };
    }
}
