using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Binding;

/// <summary>Where an expression is written, which decides what it may reference and contain.</summary>
public enum ExpressionContext
{
    /// <summary>A dimension's value: columns and fields, no aggregates (unless the derived view groups), no measures.</summary>
    Dimension,
    /// <summary>The per-row value of an aggregating measure: like a dimension, since the measure's type aggregates it.</summary>
    AggregatedValue,
    /// <summary>A <c>type: number</c> measure: a formula over measures.</summary>
    MeasureFormula,
    /// <summary>A join's <c>sql_on</c>: qualified field references only.</summary>
    JoinCondition,
    /// <summary>An explore's <c>sql_always_where</c> or a derived view's <c>where</c>: qualified references only, no aggregates.</summary>
    RowFilter,
}

/// <summary>The names qualified references may use (an explore's base view and joins, or a derived view's sources), and whose they are.</summary>
public sealed record AliasSet(string Owner, ImmutableDictionary<string, ViewSymbol> Views)
{
    /// <summary>The split joins of a derived view, whose element is read as <c>${alias.value}</c>.</summary>
    public ImmutableHashSet<string> Splits { get; init; } = ImmutableHashSet<string>.Empty;

    public static AliasSet Of(ExploreSymbol explore) =>
        new($"explore `{explore.Name}`", explore.Aliases.ToImmutableDictionary(a => a, a => explore.ViewOf(a)!, StringComparer.Ordinal));

    public static AliasSet Of(ViewSymbol derivedView, DerivedSymbol derived) =>
        new($"derived view `{derivedView.Name}`", derived.Aliases) { Splits = [.. derived.Splits.Select(s => s.Name)] };
}

/// <summary>
/// What an expression may see: a view (its table's columns and unqualified fields), an alias set (qualified
/// references to an explore's or a derived view's sources), or both (a derived view's dimensions), the
/// context, the field or join being defined, and whether aggregates are allowed (a grouped derived view).
/// </summary>
public sealed record ExpressionScope(ViewSymbol? View, AliasSet? Aliases, ExpressionContext Context, string Owner, bool AllowsAggregates = false)
{
    public static ExpressionScope ForDimension(DimensionSymbol dimension) => dimension.View.Derived is { } derived
        ? new(dimension.View, AliasSet.Of(dimension.View, derived), ExpressionContext.Dimension, $"dimension `{dimension.Name}`", derived.IsGrouped)
        : new(dimension.View, null, ExpressionContext.Dimension, $"dimension `{dimension.Name}`");

    public static ExpressionScope ForDimensionOf(ViewSymbol view) =>
        new(view, null, ExpressionContext.Dimension, $"view `{view.Name}`");

    public static ExpressionScope ForMeasure(MeasureSymbol measure) =>
        new(measure.View, null, measure.Type == MeasureType.Number ? ExpressionContext.MeasureFormula : ExpressionContext.AggregatedValue, $"measure `{measure.Name}`");

    public static ExpressionScope ForJoin(AliasSet aliases, string joinName) =>
        new(null, aliases, ExpressionContext.JoinCondition, $"the join of `{joinName}`");

    public static ExpressionScope ForRowFilter(AliasSet aliases, string what) =>
        new(null, aliases, ExpressionContext.RowFilter, what);

    /// <summary>How diagnostics name the place an expression is written.</summary>
    public string Describe() => Context switch
    {
        ExpressionContext.JoinCondition => "a join condition",
        ExpressionContext.RowFilter => Owner,
        ExpressionContext.Dimension => "a dimension",
        _ => "a measure",
    };
}
