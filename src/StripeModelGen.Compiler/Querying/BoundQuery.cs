using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Querying;

/// <summary>
/// A filter a query applies: a parsed Looker filter expression, or a named bind parameter when a dashboard
/// filter has no default, on one field or on several (a dashboard filter on several fields), where a row
/// (a group) matches when any of them matches. The fields are all dimensions or all measures: filters on
/// dimensions restrict rows; filters on measures restrict groups.
/// </summary>
public sealed record QueryFilter(ImmutableArray<FieldReference> Fields, FilterExpression? Filter, string? Parameter, TextLocation Location)
{
    public QueryFilter(FieldReference field, FilterExpression? filter, string? parameter, TextLocation location)
        : this([field], filter, parameter, location)
    {
    }

    public bool IsParameter => Parameter is not null;

    /// <summary>True when the filter restricts groups (its fields are measures), false when it restricts rows.</summary>
    public bool IsGroupFilter => Fields[0].Field.IsMeasure;
}

/// <summary>
/// A query ready for planning: where it comes from (<see cref="Kind"/> and <see cref="Name"/>), the explore,
/// the fields in output order, every filter that applies (the query's own, the explore's
/// <c>always_filter</c>, and listened dashboard filters), sorts, limit and pivots.
/// </summary>
public sealed record BoundQuery(
    string Kind,
    string Name,
    ExploreSymbol Explore,
    ImmutableArray<FieldReference> Fields,
    ImmutableArray<QueryFilter> Filters,
    ImmutableArray<QuerySort> Sorts,
    int? Limit,
    ImmutableArray<FieldReference> Pivots,
    TextLocation Location)
{
    public IEnumerable<FieldReference> Dimensions => Fields.Where(f => !f.Field.IsMeasure);

    public IEnumerable<FieldReference> Measures => Fields.Where(f => f.Field.IsMeasure);

    public ImmutableArray<string> Parameters => [.. Filters.Where(f => f.IsParameter).Select(f => f.Parameter!).Distinct().Order(StringComparer.Ordinal)];
}
