namespace StripeModelGen.Compiler.Binding;

/// <summary>Where an expression is written, which decides what it may reference and contain.</summary>
public enum ExpressionContext
{
    /// <summary>A dimension's value: columns and fields, no aggregates, no measures.</summary>
    Dimension,
    /// <summary>The per-row value of an aggregating measure: like a dimension, since the measure's type aggregates it.</summary>
    AggregatedValue,
    /// <summary>A <c>type: number</c> measure: a formula over measures.</summary>
    MeasureFormula,
    /// <summary>A join's <c>sql_on</c>: qualified field references only.</summary>
    JoinCondition,
    /// <summary>An explore's <c>sql_always_where</c>: qualified field references only, no aggregates.</summary>
    RowFilter,
}

/// <summary>
/// What an expression may see: a view (for its table's columns and unqualified fields) or an explore
/// (for qualified references to its aliases), the context, and the field or join being defined.
/// </summary>
public sealed record ExpressionScope(ViewSymbol? View, ExploreSymbol? Explore, ExpressionContext Context, string Owner)
{
    public static ExpressionScope ForDimension(DimensionSymbol dimension) =>
        new(dimension.View, null, ExpressionContext.Dimension, $"dimension `{dimension.Name}`");

    public static ExpressionScope ForDimensionOf(ViewSymbol view) =>
        new(view, null, ExpressionContext.Dimension, $"view `{view.Name}`");

    public static ExpressionScope ForMeasure(MeasureSymbol measure) =>
        new(measure.View, null, measure.Type == MeasureType.Number ? ExpressionContext.MeasureFormula : ExpressionContext.AggregatedValue, $"measure `{measure.Name}`");

    public static ExpressionScope ForJoin(ExploreSymbol explore, string joinName) =>
        new(null, explore, ExpressionContext.JoinCondition, $"the join of `{joinName}`");

    public static ExpressionScope ForRowFilter(ExploreSymbol explore) =>
        new(null, explore, ExpressionContext.RowFilter, $"`sql_always_where` of explore `{explore.Name}`");

    /// <summary>How diagnostics name the place an expression is written.</summary>
    public string Describe() => Context switch
    {
        ExpressionContext.JoinCondition => "a join condition",
        ExpressionContext.RowFilter => "`sql_always_where`",
        ExpressionContext.Dimension => "a dimension",
        _ => "a measure",
    };
}
