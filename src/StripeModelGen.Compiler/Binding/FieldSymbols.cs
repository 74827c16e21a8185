using System.Collections.Immutable;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

/// <summary>
/// A dimension or measure of a view. Symbols are created by the binder and completed by it before the
/// model is handed out; from then on they do not change.
/// </summary>
public abstract class FieldSymbol(ViewSymbol view, string name, TextLocation location)
{
    public ViewSymbol View { get; } = view;

    public string Name { get; } = name;

    public TextLocation Location { get; } = location;

    public string? Label { get; internal set; }

    public string? Description { get; internal set; }

    public string? Format { get; internal set; }

    public string? GroupLabel { get; internal set; }

    public bool Hidden { get; internal set; }

    public abstract bool IsMeasure { get; }

    public string QualifiedName => $"{View.Name}.{Name}";

    public override string ToString() => QualifiedName;
}

public sealed class DimensionSymbol(ViewSymbol view, DimensionSyntax syntax, DimensionType type) : FieldSymbol(view, syntax.Name.Value, syntax.Name.Location)
{
    public DimensionSyntax Syntax { get; } = syntax;

    public DimensionType Type { get; } = type;

    public override bool IsMeasure => false;

    public bool IsPrimaryKey { get; internal set; }

    /// <summary>False when filters compare the value ignoring case (<c>case_sensitive: no</c>, string dimensions only).</summary>
    public bool CaseSensitive { get; internal set; } = true;

    /// <summary>The value (for a duration: unused; see <see cref="Start"/> and <see cref="End"/>).</summary>
    public BoundExpression Expression { get; internal set; } = BoundError.Instance;

    /// <summary>Per-dialect replacements of <see cref="Expression"/> (<c>sql_sqlserver:</c> ...), by dialect name.</summary>
    public ImmutableSortedDictionary<string, BoundExpression> DialectExpressions { get; internal set; } = ImmutableSortedDictionary<string, BoundExpression>.Empty;

    public BoundExpression? Currency { get; internal set; }

    public BoundExpression? Start { get; internal set; }

    public BoundExpression? End { get; internal set; }

    public ImmutableArray<Timeframe> Timeframes { get; internal set; } = [];

    public ImmutableArray<DurationInterval> Intervals { get; internal set; } = [];

    public ImmutableArray<string> AllowedValues { get; internal set; } = [];

    public bool HasTimeframes => Type is DimensionType.Time or DimensionType.Date;

    /// <summary>True when the value is a window function over the view's rows (computed before any query filter).</summary>
    public bool HasWindow => Expression.DescendantsAndSelf().Any(e => e is BoundFunctionCall { Window: not null });

    /// <summary>The type a reference to this dimension has, at a timeframe or interval when it has one.</summary>
    public ScalarType ValueType(Timeframe? timeframe = null) => Type switch
    {
        DimensionType.String => ScalarType.String,
        DimensionType.Number or DimensionType.Money or DimensionType.Duration => ScalarType.Number,
        DimensionType.YesNo => ScalarType.Boolean,
        DimensionType.Date or DimensionType.Time => timeframe switch
        {
            null or Timeframe.Raw => Type == DimensionType.Date ? ScalarType.Date : ScalarType.Timestamp,
            Timeframe.Time or Timeframe.Hour => ScalarType.Timestamp,
            Timeframe.DayOfWeek => ScalarType.String,
            Timeframe.MonthNum => ScalarType.Number,
            _ => ScalarType.Date,
        },
        _ => ScalarType.Any,
    };
}

public sealed class MeasureSymbol(ViewSymbol view, MeasureSyntax syntax, MeasureType type) : FieldSymbol(view, syntax.Name.Value, syntax.Name.Location)
{
    public MeasureSyntax Syntax { get; } = syntax;

    public MeasureType Type { get; } = type;

    public override bool IsMeasure => true;

    /// <summary>The per-row value a measure aggregates, or for <c>type: number</c> the formula over measures; null for <c>count</c>.</summary>
    public BoundExpression? Expression { get; internal set; }

    public ImmutableSortedDictionary<string, BoundExpression> DialectExpressions { get; internal set; } = ImmutableSortedDictionary<string, BoundExpression>.Empty;

    public ImmutableArray<BoundMeasureFilter> Filters { get; internal set; } = [];

    public decimal? Percentile { get; internal set; }

    public BoundExpression? Currency { get; internal set; }

    public ImmutableArray<FieldReference> DrillFields { get; internal set; } = [];
}

/// <summary>A measure's row filter: a dimension of the same view and a parsed Looker filter expression.</summary>
public sealed record BoundMeasureFilter(FieldReference Field, FilterExpression Filter, TextLocation ValueLocation);

/// <summary>
/// A field as a query or expression names it: the view (or join alias) it is read through, the field,
/// and a timeframe (<c>created_month</c>) or duration interval (<c>days_to_pay</c>) when it has one.
/// </summary>
public sealed record FieldReference(string Alias, FieldSymbol Field, Timeframe? Timeframe = null, DurationInterval? Interval = null)
{
    public string Name => Interval is { } interval
        ? $"{ModelNames.Of(interval)}s_{Field.Name}"
        : Timeframe is { } timeframe ? $"{Field.Name}_{ModelNames.Of(timeframe)}" : Field.Name;

    public string QualifiedName => $"{Alias}.{Name}";

    public ScalarType Type => Field is DimensionSymbol dimension ? dimension.ValueType(Timeframe) : ScalarType.Number;

    /// <summary>True when filters on this value compare strings ignoring case (<c>case_sensitive: no</c>).</summary>
    public bool IsCaseInsensitive => Field is DimensionSymbol { CaseSensitive: false } && Type == ScalarType.String;

    public override string ToString() => QualifiedName;
}
