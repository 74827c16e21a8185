using System.Collections.Immutable;
using System.Globalization;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

public sealed partial class Binder
{
    private static readonly ImmutableArray<Timeframe> DefaultTimeframes =
        [Timeframe.Raw, Timeframe.Time, Timeframe.Date, Timeframe.Week, Timeframe.Month, Timeframe.Quarter, Timeframe.Year];

    private static readonly ImmutableArray<Timeframe> DateTimeframes =
        [Timeframe.Raw, Timeframe.Date, Timeframe.Week, Timeframe.Month, Timeframe.Quarter, Timeframe.Year, Timeframe.DayOfWeek, Timeframe.MonthNum];

    /// <summary>Creates every view with its fields' names and kinds, so expressions can refer to any of them.</summary>
    private ImmutableArray<ViewSymbol> DeclareViews(ImmutableArray<SourceSymbol> sources)
    {
        var declared = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
        var views = ImmutableArray.CreateBuilder<ViewSymbol>();
        foreach (var syntax in _syntax.Views)
        {
            if (syntax.Name.Value == ExpressionBinder.ConstantsName)
            {
                _diagnostics.Report(DiagnosticCatalog.InvalidName, syntax.Name.Location, syntax.Name.Value, "the name is reserved for project constants (`${constants.name}`)");
                continue;
            }
            if (!Declare(declared, syntax.Name, "View"))
                continue;
            var view = new ViewSymbol(syntax) { Table = syntax.Table?.Value };
            if (syntax.Table is not null && syntax.Derived is not null)
                _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, syntax.Derived.Node.Location, "derived", "table");
            else if (syntax.Table is null && syntax.Derived is null)
                _diagnostics.Report(DiagnosticCatalog.ViewNeedsTable, syntax.Name.Location, syntax.Name.Value);
            else if (syntax.Table is not null && sources.Length > 0 && !sources.Any(s => s.Tables.ContainsKey(syntax.Table.Value)))
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownTable, syntax.Table.Location, syntax.Table.Value, sources.SelectMany(s => s.Tables.Keys), syntax.Table.Value);
            DeclareFields(view);
            _views[view.Name] = view;
            views.Add(view);
        }
        return views.ToImmutable();
    }

    private void DeclareFields(ViewSymbol view)
    {
        var names = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
        var dimensions = ImmutableArray.CreateBuilder<DimensionSymbol>();
        var measures = ImmutableArray.CreateBuilder<MeasureSymbol>();
        foreach (var syntax in view.Syntax.Dimensions)
        {
            if (!Declare(names, syntax.Name, "Field"))
                continue;
            var type = syntax.Type is null ? DimensionType.String : ParseEnum<DimensionType>(syntax.Type, "dimension type");
            if (type is null)
                continue;
            var dimension = new DimensionSymbol(view, syntax, type.Value);
            DeclareVariantNames(names, dimension);
            dimensions.Add(dimension);
        }
        foreach (var syntax in view.Syntax.Measures)
        {
            if (!Declare(names, syntax.Name, "Field"))
                continue;
            if (syntax.Type is null)
            {
                _diagnostics.Report(DiagnosticCatalog.MissingKey, syntax.Name.Location, $"Measure `{syntax.Name.Value}`", "type");
                continue;
            }
            if (ParseEnum<MeasureType>(syntax.Type, "measure type") is { } type)
                measures.Add(new MeasureSymbol(view, syntax, type));
        }
        view.SetFields(dimensions.ToImmutable(), measures.ToImmutable());
    }

    /// <summary>
    /// Reads the timeframes or intervals of a dimension and reserves the names they create
    /// (<c>created_month</c>, <c>days_to_pay</c>), so a field that would shadow one is a duplicate.
    /// </summary>
    private void DeclareVariantNames(Dictionary<string, TextLocation> names, DimensionSymbol dimension)
    {
        var syntax = dimension.Syntax;
        if (dimension.HasTimeframes)
        {
            var allowed = dimension.Type == DimensionType.Date ? DateTimeframes : [.. Enum.GetValues<Timeframe>()];
            var timeframes = syntax.Timeframes.Length == 0
                ? (dimension.Type == DimensionType.Date ? DateTimeframes.Take(6).ToImmutableArray() : DefaultTimeframes)
                : ParseDistinct<Timeframe>(syntax.Timeframes, "timeframe", allowed);
            dimension.Timeframes = timeframes;
            foreach (var timeframe in timeframes)
                ReserveVariant(names, dimension, new FieldReference(dimension.View.Name, dimension, timeframe).Name, syntax.Name.Location);
        }
        else if (syntax.Timeframes.Length > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.TimeframeOnNonTime, syntax.Timeframes[0].Location, syntax.Name.Value, syntax.Timeframes[0].Value);
        }
        if (dimension.Type == DimensionType.Duration)
        {
            var intervals = syntax.Intervals.Length == 0 ? [DurationInterval.Day] : ParseDistinct<DurationInterval>(syntax.Intervals, "duration interval", [.. Enum.GetValues<DurationInterval>()]);
            dimension.Intervals = intervals;
            foreach (var interval in intervals)
                ReserveVariant(names, dimension, new FieldReference(dimension.View.Name, dimension, null, interval).Name, syntax.Name.Location);
        }
    }

    private void ReserveVariant(Dictionary<string, TextLocation> names, DimensionSymbol dimension, string name, TextLocation location)
    {
        if (names.TryGetValue(name, out var other))
            _diagnostics.Report(DiagnosticCatalog.DuplicateName, location, "Field", name, other);
        else
            names[name] = location;
    }

    private ImmutableArray<TEnum> ParseDistinct<TEnum>(ImmutableArray<YamlScalarSyntax> items, string what, ImmutableArray<TEnum> allowed)
        where TEnum : struct, Enum
    {
        var result = ImmutableArray.CreateBuilder<TEnum>();
        foreach (var item in items)
        {
            if (ParseEnum<TEnum>(item, what) is not { } value)
                continue;
            if (!allowed.Contains(value))
            {
                var names = allowed.Select(ModelNames.Of).ToList();
                _diagnostics.Report(DiagnosticCatalog.InvalidEnumValue, item.Location, item.Value, what, string.Join(", ", names));
            }
            else if (result.Contains(value))
            {
                _diagnostics.Report(DiagnosticCatalog.DuplicateName, item.Location, char.ToUpperInvariant(what[0]) + what[1..], item.Value, items.First(i => i.Value == item.Value).Location);
            }
            else
            {
                result.Add(value);
            }
        }
        return result.ToImmutable();
    }

    private void BindViewFields(ViewSymbol view)
    {
        foreach (var dimension in view.Dimensions)
            BindDimension(dimension);
        foreach (var measure in view.Measures)
            BindMeasure(measure);
        var primaryKeys = view.Dimensions.Where(d => d.IsPrimaryKey).ToList();
        view.PrimaryKey = primaryKeys.FirstOrDefault();
        foreach (var extra in primaryKeys.Skip(1))
            _diagnostics.Report(DiagnosticCatalog.MultiplePrimaryKeys, extra.Syntax.PrimaryKey!.Location, view.Name, primaryKeys[0].Name);
        view.DrillFields = BindDrillFields(view, view.Syntax.DrillFields);
    }

    /// <summary>How a field is shown: its label (by default its name in words), description, format and grouping.</summary>
    private void BindPresentation(FieldSymbol field, YamlScalarSyntax? label, YamlScalarSyntax? description, YamlScalarSyntax? format, YamlScalarSyntax? groupLabel, YamlScalarSyntax? hidden)
    {
        field.Label = label?.Value ?? Humanize(field.Name);
        field.Description = description?.Value;
        field.Format = format?.Value;
        field.GroupLabel = groupLabel?.Value;
        field.Hidden = ParseBoolean(hidden) ?? false;
    }

    private void BindDimension(DimensionSymbol dimension)
    {
        var syntax = dimension.Syntax;
        BindPresentation(dimension, syntax.Label, syntax.Description, syntax.Format, syntax.GroupLabel, syntax.Hidden);
        dimension.IsPrimaryKey = ParseBoolean(syntax.PrimaryKey) ?? false;
        if (syntax.CaseSensitive is { } caseSensitive && ParseBoolean(caseSensitive) is { } sensitive)
        {
            if (dimension.Type == DimensionType.String)
                dimension.CaseSensitive = sensitive;
            else
                _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, caseSensitive.Location, "case_sensitive", $"type: {ModelNames.Of(dimension.Type)}");
        }
        dimension.AllowedValues = [.. syntax.Values.Select(v => v.Value)];
        var scope = ExpressionScope.ForDimension(dimension);

        if (dimension.Type == DimensionType.Duration)
        {
            if (syntax.SqlStart is null)
                _diagnostics.Report(DiagnosticCatalog.MissingKey, syntax.Name.Location, $"Duration dimension `{dimension.Name}`", "sql_start");
            if (syntax.SqlEnd is null)
                _diagnostics.Report(DiagnosticCatalog.MissingKey, syntax.Name.Location, $"Duration dimension `{dimension.Name}`", "sql_end");
            dimension.Start = syntax.SqlStart is null ? null : BindTyped(syntax.SqlStart, scope, ParameterKind.Temporal, $"`sql_start` of `{dimension.Name}`");
            dimension.End = syntax.SqlEnd is null ? null : BindTyped(syntax.SqlEnd, scope, ParameterKind.Temporal, $"`sql_end` of `{dimension.Name}`");
            if (syntax.Sql is not null)
                _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, syntax.Sql.Location, "sql", "type: duration");
            return;
        }
        foreach (var key in new[] { (syntax.SqlStart, "sql_start"), (syntax.SqlEnd, "sql_end") })
        {
            if (key.Item1 is { } misplaced)
                _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, misplaced.Location, key.Item2, $"type: {ModelNames.Of(dimension.Type)}");
        }

        dimension.Expression = syntax.Sql is not null
            ? BindDimensionValue(dimension, syntax.Sql, scope)
            : dimension.View.Derived is { } derived
                ? PassThrough(dimension, derived)
                : new BoundColumn(dimension.View, dimension.Name, syntax.Name.Location);
        dimension.DialectExpressions = BindDialectSql(syntax.DialectSql, s => BindDimensionValue(dimension, s, scope));

        if (dimension.Type == DimensionType.Money)
            dimension.Currency = BindCurrency(dimension.View, syntax.Currency, scope, () =>
                _diagnostics.Report(DiagnosticCatalog.MoneyNeedsCurrency, syntax.Name.Location, dimension.Name));
        else if (syntax.Currency is { } currency)
            _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, currency.Location, "currency", $"type: {ModelNames.Of(dimension.Type)}");
    }

    /// <summary>A derived view's dimension without <c>sql</c> passes on the field of the same name of its <c>from</c> view.</summary>
    private BoundExpression PassThrough(DimensionSymbol dimension, DerivedSymbol derived)
    {
        var location = dimension.Syntax.Name.Location;
        return FieldNameResolver.Resolve(derived.From, dimension.Name, location, derived.From.Name, _diagnostics) is { } reference
            ? new BoundFieldExpression(reference, location)
            : new BoundError(location);
    }

    private BoundExpression BindDimensionValue(DimensionSymbol dimension, YamlScalarSyntax sql, ExpressionScope scope)
    {
        var (kind, what) = dimension.Type switch
        {
            DimensionType.YesNo => (ParameterKind.Boolean, $"The `sql` of yes/no dimension `{dimension.Name}`"),
            DimensionType.Number or DimensionType.Money => (ParameterKind.Number, $"The `sql` of {ModelNames.Of(dimension.Type)} dimension `{dimension.Name}`"),
            DimensionType.Time or DimensionType.Date => (ParameterKind.Temporal, $"The `sql` of {ModelNames.Of(dimension.Type)} dimension `{dimension.Name}`"),
            _ => (ParameterKind.Any, string.Empty),
        };
        return BindTyped(sql, scope, kind, what);
    }

    /// <summary>Binds an expression and checks that its type fits <paramref name="kind"/>.</summary>
    private BoundExpression BindTyped(YamlScalarSyntax sql, ExpressionScope scope, ParameterKind kind, string what)
    {
        var bound = _expressions.Bind(sql, scope);
        if (!FunctionSymbol.Accepts(kind, bound.Type))
        {
            if (kind == ParameterKind.Boolean)
                _diagnostics.Report(DiagnosticCatalog.ConditionNotBoolean, bound.Location, what, ExpressionBinder.Describe(bound.Type));
            else
                _diagnostics.Report(DiagnosticCatalog.TypeMismatch, bound.Location, what, FunctionSymbol.Describe(kind), ExpressionBinder.Describe(bound.Type));
            return new BoundError(bound.Location);
        }
        return bound;
    }

    private ImmutableSortedDictionary<string, BoundExpression> BindDialectSql(ImmutableArray<DialectSqlSyntax> items, Func<YamlScalarSyntax, BoundExpression> bind) =>
        items.ToImmutableSortedDictionary(d => d.Dialect, d => bind(d.Sql), StringComparer.Ordinal);

    /// <summary>The currency code of a money value: the explicit <c>currency:</c>, else the view's <c>currency</c> field.</summary>
    private BoundExpression? BindCurrency(ViewSymbol view, YamlScalarSyntax? currency, ExpressionScope scope, Action reportMissing)
    {
        if (currency is not null)
            return BindTyped(currency, scope with { Context = ExpressionContext.Dimension }, ParameterKind.String, "`currency`");
        if (view.Find("currency") is DimensionSymbol code)
            return new BoundFieldExpression(new FieldReference(view.Name, code), code.Location);
        reportMissing();
        return null;
    }

    private void BindMeasure(MeasureSymbol measure)
    {
        var syntax = measure.Syntax;
        BindPresentation(measure, syntax.Label, syntax.Description, syntax.Format, syntax.GroupLabel, syntax.Hidden);
        var scope = ExpressionScope.ForMeasure(measure);

        if (measure.Type == MeasureType.Count)
        {
            if (syntax.Sql is { } sql)
                _diagnostics.Report(DiagnosticCatalog.MeasureSqlNotAllowed, sql.Location, measure.Name);
        }
        else if (syntax.Sql is null)
        {
            _diagnostics.Report(DiagnosticCatalog.MeasureSqlRequired, syntax.Name.Location, measure.Name, ModelNames.Of(measure.Type));
        }
        else
        {
            var kind = measure.Type is MeasureType.Sum or MeasureType.Average or MeasureType.Median or MeasureType.Percentile or MeasureType.Number
                ? ParameterKind.Number
                : ParameterKind.Any;
            var what = $"The `sql` of {ModelNames.Of(measure.Type)} measure `{measure.Name}`";
            measure.Expression = BindTyped(syntax.Sql, scope, kind, what);
            measure.DialectExpressions = BindDialectSql(syntax.DialectSql, s => BindTyped(s, scope, kind, what));
        }

        if (measure.Type == MeasureType.Percentile)
        {
            if (syntax.Percentile is null)
                _diagnostics.Report(DiagnosticCatalog.MissingKey, syntax.Name.Location, $"Percentile measure `{measure.Name}`", "percentile");
            else if (decimal.TryParse(syntax.Percentile.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
                measure.Percentile = p;
            else
                _diagnostics.Report(DiagnosticCatalog.PercentileOutOfRange, syntax.Percentile.Location, syntax.Percentile.Value);
        }
        else if (syntax.Percentile is { } misplaced)
        {
            _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, misplaced.Location, "percentile", $"type: {ModelNames.Of(measure.Type)}");
        }

        measure.Filters = [.. syntax.Filters.Select(f => BindMeasureFilter(measure, f)).OfType<BoundMeasureFilter>()];
        measure.Currency = syntax.Currency is { } currency
            ? BindTyped(currency, ExpressionScope.ForDimensionOf(measure.View), ParameterKind.String, "`currency`")
            : InferCurrency(measure);
        measure.DrillFields = BindDrillFields(measure.View, syntax.DrillFields);
    }

    /// <summary>A measure over a money dimension carries that dimension's currency.</summary>
    private static BoundExpression? InferCurrency(MeasureSymbol measure)
    {
        if (measure.Type is MeasureType.Count or MeasureType.CountDistinct || measure.Expression is null)
            return null;
        foreach (var node in measure.Expression.DescendantsAndSelf())
        {
            if (node is BoundFieldExpression { Reference.Field: DimensionSymbol { Type: DimensionType.Money } money })
                return money.Currency;
            if (node is BoundFieldExpression { Reference.Field: MeasureSymbol { Currency: { } currency } })
                return currency;
        }
        return null;
    }

    private BoundMeasureFilter? BindMeasureFilter(MeasureSymbol measure, FilterSyntax filter)
    {
        var reference = ResolveFieldName(measure.View, filter.Field.Value, filter.Field.Location);
        if (reference is null)
            return null;
        if (reference.Field.IsMeasure)
        {
            _diagnostics.Report(DiagnosticCatalog.MeasureFilterNotDimension, filter.Field.Location, reference.Name);
            return null;
        }
        return new BoundMeasureFilter(reference, ParseFilter(reference, filter.Value), filter.Value.Location);
    }

    private ImmutableArray<FieldReference> BindDrillFields(ViewSymbol view, ImmutableArray<YamlScalarSyntax> fields)
    {
        var result = ImmutableArray.CreateBuilder<FieldReference>();
        foreach (var field in fields)
        {
            var text = field.Value;
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            FieldReference? reference;
            if (dot < 0)
            {
                reference = ResolveFieldName(view, text, field.Location);
            }
            else if (_views.GetValueOrDefault(text[..dot]) is { } other)
            {
                reference = ResolveFieldName(other, text[(dot + 1)..], field.GetSourceLocation(dot + 1, text.Length - dot - 1));
            }
            else
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownView, field.GetSourceLocation(0, dot), text[..dot], _views.Keys, text[..dot]);
                reference = null;
            }
            if (reference is not null)
                result.Add(reference);
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Resolves a field name of <paramref name="view"/>, including timeframe (<c>created_month</c>) and
    /// interval (<c>days_to_pay</c>) forms; reports at <paramref name="location"/> and returns null when none fits.
    /// </summary>
    internal FieldReference? ResolveFieldName(ViewSymbol view, string name, TextLocation location, string? alias = null) =>
        FieldNameResolver.Resolve(view, name, location, alias ?? view.Name, _diagnostics);
}
