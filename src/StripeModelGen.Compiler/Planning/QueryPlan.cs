using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Querying;

namespace StripeModelGen.Compiler.Planning;

/// <summary>How a leg aggregates its measures.</summary>
public enum LegStrategy
{
    /// <summary>Nothing in the leg's joins repeats the measures' rows: aggregate the joined rows directly.</summary>
    Direct,
    /// <summary>A one-to-many join repeats the rows: first keep one row per primary key of the measures' view and group, then aggregate.</summary>
    PerPrimaryKey,
}

/// <summary>
/// One aggregation over one set of joins. Every leg groups by all of the query's dimensions and applies
/// all of its row filters, so the legs' results line up group for group and are combined on the dimensions.
/// </summary>
public sealed record AggregationLeg(
    ImmutableArray<JoinSymbol> Joins,
    LegStrategy Strategy,
    string? GrainAlias,
    ImmutableArray<string> FannedOutBy,
    ImmutableArray<FieldReference> Measures);

/// <summary>A sort of the final result; <see cref="NullsFirst"/> is explicit so every dialect orders alike.</summary>
public sealed record PlannedSort(FieldReference Field, bool Descending, bool NullsFirst);

/// <summary>
/// How a <see cref="BoundQuery"/> will run: the output dimensions and measures, the aggregation legs,
/// the row filters (every leg) and group filters (after combining), the order and limit.
/// </summary>
public sealed record QueryPlan(
    BoundQuery Query,
    ImmutableArray<FieldReference> Dimensions,
    ImmutableArray<FieldReference> Measures,
    ImmutableArray<JoinSymbol> DimensionJoins,
    ImmutableArray<AggregationLeg> Legs,
    ImmutableArray<QueryFilter> RowFilters,
    ImmutableArray<QueryFilter> GroupFilters,
    ImmutableArray<PlannedSort> Sorts,
    int? Limit)
{
    /// <summary>True when a single SELECT over the joins computes everything.</summary>
    public bool IsSingleLeg => Legs.Length <= 1 && Legs.All(l => l.Strategy == LegStrategy.Direct);
}
