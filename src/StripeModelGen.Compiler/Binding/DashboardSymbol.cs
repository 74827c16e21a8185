using System.Collections.Immutable;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

public sealed record DashboardSymbol(
    string Name,
    string Title,
    string? Description,
    ImmutableArray<DashboardFilterSymbol> Filters,
    ImmutableArray<TileSymbol> Tiles,
    TextLocation Location);

/// <summary>
/// A dashboard filter on one field or several of one type (a row matches when any of them matches); a filter
/// without a default becomes a named bind parameter.
/// </summary>
public sealed record DashboardFilterSymbol(string Name, string Title, ImmutableArray<FieldReference> Fields, FilterExpression? Default, bool Required, TextLocation Location)
{
    /// <summary>The type of the filter's values (its fields' common type).</summary>
    public ScalarType Type => Fields[0].Type;
}

/// <summary>What tiles and saved queries ask of an explore.</summary>
public sealed record QuerySpec(
    ExploreSymbol Explore,
    ImmutableArray<FieldReference> Fields,
    ImmutableArray<BoundFilter> Filters,
    ImmutableArray<QuerySort> Sorts,
    int? Limit,
    ImmutableArray<FieldReference> Pivots);

public sealed record QuerySort(FieldReference Field, bool Descending);

/// <summary>A tile's place on the 24-column grid.</summary>
public sealed record TileLayout(int Row, int Column, int Width, int Height)
{
    public const int GridColumns = 24;

    public bool Overlaps(TileLayout other) =>
        Column < other.Column + other.Width && other.Column < Column + Width &&
        Row < other.Row + other.Height && other.Row < Row + Height;
}

/// <summary>
/// A dashboard filter feeding the tile's fields, one per field of the filter in the filter's order: a row of
/// the tile matches when any of them matches the filter's value.
/// </summary>
public sealed record TileListen(DashboardFilterSymbol Filter, ImmutableArray<FieldReference> Fields);

/// <summary>A drill link from a tile's field to another dashboard's filter.</summary>
public sealed record TileLink(FieldReference Field, string Dashboard, string? Filter, string? Label);

public sealed record TileSymbol(
    string Name,
    string Title,
    ChartKind Chart,
    QuerySpec Query,
    ImmutableArray<TileListen> Listen,
    TileLayout? Layout,
    ImmutableArray<TileLink> Links,
    string? Note,
    TextLocation Location);

public sealed record SavedQuerySymbol(string Name, string? Description, QuerySpec Query, TextLocation Location);
