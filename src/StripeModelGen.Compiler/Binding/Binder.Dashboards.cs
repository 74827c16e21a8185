using System.Collections.Immutable;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

public sealed partial class Binder
{
    private ImmutableArray<SavedQuerySymbol> BindSavedQueries()
    {
        var declared = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
        var queries = ImmutableArray.CreateBuilder<SavedQuerySymbol>();
        foreach (var syntax in _syntax.Queries)
        {
            if (Declare(declared, syntax.Name, "Query") && BindQuery(syntax.Query) is { } query)
                queries.Add(new SavedQuerySymbol(syntax.Name.Value, syntax.Description?.Value, query, syntax.Name.Location));
        }
        return queries.ToImmutable();
    }

    private ImmutableArray<DashboardSymbol> BindDashboards()
    {
        var declared = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
        var dashboards = new List<(DashboardSyntax Syntax, DashboardSymbol Symbol)>();
        foreach (var syntax in _syntax.Dashboards)
        {
            if (!Declare(declared, syntax.Name, "Dashboard"))
                continue;
            var filters = BindDashboardFilters(syntax);
            var tiles = BindTiles(syntax, filters);
            var title = syntax.Title?.Value ?? Humanize(syntax.Name.Value);
            dashboards.Add((syntax, new DashboardSymbol(syntax.Name.Value, title, syntax.Description?.Value, filters, tiles, syntax.Name.Location)));
        }
        var byName = dashboards.ToDictionary(d => d.Symbol.Name, d => d.Symbol, StringComparer.Ordinal);
        return [.. dashboards.Select(d => d.Symbol with { Tiles = [.. d.Symbol.Tiles.Select(t => t with { Links = BindLinks(d.Syntax, t, byName) })] })];
    }

    private ImmutableArray<DashboardFilterSymbol> BindDashboardFilters(DashboardSyntax dashboard)
    {
        var declared = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
        var filters = ImmutableArray.CreateBuilder<DashboardFilterSymbol>();
        foreach (var filter in dashboard.Filters)
        {
            if (!Declare(declared, filter.Name, "Filter") || filter.Fields.IsEmpty)
                continue;
            if (BindDashboardFilterFields(filter) is not { } fields)
                continue;
            filters.Add(new DashboardFilterSymbol(
                filter.Name.Value,
                filter.Title?.Value ?? Humanize(filter.Name.Value),
                fields,
                filter.Default is null ? null : ParseFilter(fields[0], filter.Default),
                ParseBoolean(filter.Required) ?? false,
                filter.Name.Location));
        }
        return filters.ToImmutable();
    }

    /// <summary>The fields of a dashboard filter, all of one type and each once; null after a diagnostic.</summary>
    private ImmutableArray<FieldReference>? BindDashboardFilterFields(DashboardFilterSyntax filter)
    {
        var fields = ImmutableArray.CreateBuilder<FieldReference>();
        var valid = true;
        foreach (var node in filter.Fields)
        {
            if (ResolveModelField(node) is not { } field)
            {
                valid = false;
                continue;
            }
            if (fields.Contains(field))
            {
                _diagnostics.Report(DiagnosticCatalog.FieldListedTwice, node.Location, field.QualifiedName, $"the fields of filter `{filter.Name.Value}`");
                valid = false;
                continue;
            }
            if (fields.Count > 0 && !AreComparable(fields[0].Type, field.Type))
            {
                _diagnostics.Report(DiagnosticCatalog.DashboardFilterFieldTypes, node.Location, filter.Name.Value, fields[0].QualifiedName, ExpressionBinder.Describe(fields[0].Type), field.QualifiedName, ExpressionBinder.Describe(field.Type));
                valid = false;
                continue;
            }
            fields.Add(field);
        }
        return valid ? fields.ToImmutable() : null;
    }

    /// <summary>Resolves <c>view.field</c> against the model's views (dashboard filters belong to no explore).</summary>
    private FieldReference? ResolveModelField(YamlScalarSyntax node)
    {
        var text = node.Value;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            _diagnostics.Report(DiagnosticCatalog.FieldNeedsView, node.Location, text);
            return null;
        }
        if (_views.GetValueOrDefault(text[..dot]) is { } view)
            return ResolveFieldName(view, text[(dot + 1)..], node.GetSourceLocation(dot + 1, text.Length - dot - 1));
        _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownView, node.GetSourceLocation(0, dot), text[..dot], _views.Keys, text[..dot]);
        return null;
    }

    private ImmutableArray<TileSymbol> BindTiles(DashboardSyntax dashboard, ImmutableArray<DashboardFilterSymbol> filters)
    {
        var declared = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
        var tiles = ImmutableArray.CreateBuilder<TileSymbol>();
        var placed = new List<(TileSymbol Tile, LayoutSyntax Syntax)>();
        foreach (var syntax in dashboard.Tiles)
        {
            if (!Declare(declared, syntax.Name, "Tile") || BindQuery(syntax.Query) is not { } query)
                continue;
            var chart = syntax.Chart is null ? ChartKind.Table : ParseEnum<ChartKind>(syntax.Chart, "chart") ?? ChartKind.Table;
            if (query.Fields.IsEmpty && chart != ChartKind.Text)
                _diagnostics.Report(DiagnosticCatalog.TileNeedsFields, syntax.Name.Location, syntax.Name.Value);
            var tile = new TileSymbol(
                syntax.Name.Value,
                syntax.Title?.Value ?? Humanize(syntax.Name.Value),
                chart,
                query,
                BindListen(dashboard, syntax, query.Explore, filters),
                syntax.Layout is null ? null : BindLayout(syntax.Name.Value, syntax.Layout),
                [],
                syntax.Note?.Value,
                syntax.Name.Location);
            if (tile.Layout is { } layout)
            {
                foreach (var (other, _) in placed)
                {
                    if (other.Layout!.Overlaps(layout))
                    {
                        _diagnostics.Report(DiagnosticCatalog.TileOverlap, syntax.Layout!.Node.Location, tile.Name, other.Name);
                        break;
                    }
                }
                placed.Add((tile, syntax.Layout!));
            }
            tiles.Add(tile);
        }
        return tiles.ToImmutable();
    }

    private ImmutableArray<TileListen> BindListen(DashboardSyntax dashboard, TileSyntax tile, ExploreSymbol explore, ImmutableArray<DashboardFilterSymbol> filters)
    {
        var result = ImmutableArray.CreateBuilder<TileListen>();
        foreach (var listen in tile.Listen)
        {
            var filter = filters.FirstOrDefault(f => f.Name == listen.Filter.Value);
            if (filter is null)
            {
                if (!dashboard.Filters.Any(f => f.Name.Value == listen.Filter.Value))
                    _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownDashboardFilter, listen.Filter.Location, listen.Filter.Value, filters.Select(f => f.Name), listen.Filter.Value, dashboard.Name.Value);
                continue;
            }
            if (listen.Fields.Length != filter.Fields.Length)
            {
                _diagnostics.Report(
                    DiagnosticCatalog.ListenFieldCount,
                    listen.Value.Location,
                    filter.Name,
                    filter.Fields.Length,
                    string.Join(", ", filter.Fields.Select(f => $"`{f.QualifiedName}`")),
                    explore.Name,
                    listen.Fields.Length);
                continue;
            }
            if (BindListenFields(tile, explore, filter, listen) is { } fields)
                result.Add(new TileListen(filter, fields));
        }
        return result.ToImmutable();
    }

    /// <summary>The tile's fields a filter drives, each comparable with the filter's field at its place; null after a diagnostic.</summary>
    private ImmutableArray<FieldReference>? BindListenFields(TileSyntax tile, ExploreSymbol explore, DashboardFilterSymbol filter, ListenSyntax listen)
    {
        var fields = ImmutableArray.CreateBuilder<FieldReference>();
        var valid = true;
        for (var i = 0; i < listen.Fields.Length; i++)
        {
            var node = listen.Fields[i];
            if (ResolveQueryField(explore, node) is not { } field)
            {
                valid = false;
                continue;
            }
            var expected = filter.Fields[i];
            if (!AreComparable(expected.Type, field.Type))
            {
                _diagnostics.Report(DiagnosticCatalog.ListenFieldMismatch, node.Location, filter.Name, ExpressionBinder.Describe(expected.Type), field.QualifiedName, ExpressionBinder.Describe(field.Type));
                valid = false;
                continue;
            }
            if (fields.Contains(field))
            {
                _diagnostics.Report(DiagnosticCatalog.FieldListedTwice, node.Location, field.QualifiedName, $"the listen of tile `{tile.Name.Value}` to filter `{filter.Name}`");
                valid = false;
                continue;
            }
            if (fields.FirstOrDefault(f => f.Field.IsMeasure != field.Field.IsMeasure) is { } other)
            {
                var (dimension, measure) = field.Field.IsMeasure ? (other, field) : (field, other);
                _diagnostics.Report(DiagnosticCatalog.ListenMixesMeasures, node.Location, filter.Name, dimension.QualifiedName, measure.QualifiedName);
                valid = false;
                continue;
            }
            fields.Add(field);
        }
        return valid ? fields.ToImmutable() : null;
    }

    private static bool AreComparable(ScalarType a, ScalarType b) =>
        ExpressionBinder.Category(a) == ExpressionBinder.Category(b) || a is ScalarType.Any or ScalarType.Error || b is ScalarType.Any or ScalarType.Error;

    private TileLayout? BindLayout(string tile, LayoutSyntax layout)
    {
        var row = ParseInteger(layout.Row, 0, " (rows count from 0)");
        var column = ParseInteger(layout.Column, 0, " (columns count from 0)");
        var width = ParseInteger(layout.Width, 1, " (at least 1)");
        var height = ParseInteger(layout.Height, 1, " (at least 1)");
        if (row is null || column is null || width is null || height is null)
            return null;
        if (column + width > TileLayout.GridColumns)
        {
            _diagnostics.Report(DiagnosticCatalog.TileOutOfBounds, layout.Node.Location, tile, column, column + width - 1);
            return null;
        }
        return new TileLayout(row.Value, column.Value, width.Value, height.Value);
    }

    private ImmutableArray<TileLink> BindLinks(DashboardSyntax dashboard, TileSymbol tile, Dictionary<string, DashboardSymbol> dashboards)
    {
        var syntax = dashboard.Tiles.First(t => t.Name.Value == tile.Name);
        var links = ImmutableArray.CreateBuilder<TileLink>();
        foreach (var link in syntax.Links)
        {
            if (link.Field is null || link.Dashboard is null)
                continue;
            if (!dashboards.TryGetValue(link.Dashboard.Value, out var target))
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownDashboard, link.Dashboard.Location, link.Dashboard.Value, dashboards.Keys, link.Dashboard.Value);
                continue;
            }
            if (link.Filter is { } filter && !target.Filters.Any(f => f.Name == filter.Value))
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownDashboardFilter, filter.Location, filter.Value, target.Filters.Select(f => f.Name), filter.Value, target.Name);
                continue;
            }
            if (ResolveQueryField(tile.Query.Explore, link.Field) is not { } field)
                continue;
            if (!tile.Query.Fields.Contains(field))
            {
                _diagnostics.Report(DiagnosticCatalog.LinkFieldNotSelected, link.Field.Location, field.QualifiedName);
                continue;
            }
            links.Add(new TileLink(field, target.Name, link.Filter?.Value, link.Label?.Value));
        }
        return links.ToImmutable();
    }

    /// <summary>The query of a tile or saved query; null when its explore is unknown.</summary>
    private QuerySpec? BindQuery(QuerySyntax query)
    {
        if (query.Explore is null)
            return null;
        if (!_explores.TryGetValue(query.Explore.Value, out var explore))
        {
            if (!_syntax.Explores.Any(e => e.Name.Value == query.Explore.Value))
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownExplore, query.Explore.Location, query.Explore.Value, _explores.Keys, query.Explore.Value);
            return null;
        }
        var fields = ImmutableArray.CreateBuilder<FieldReference>();
        foreach (var node in query.Fields)
        {
            if (ResolveQueryField(explore, node) is { } field)
                fields.Add(field);
        }
        var sorts = ImmutableArray.CreateBuilder<QuerySort>();
        foreach (var sort in query.Sorts)
        {
            if (ResolveQueryField(explore, sort.Node, sort.FieldStart, sort.FieldLength) is not { } field)
                continue;
            if (fields.Contains(field))
                sorts.Add(new QuerySort(field, sort.Descending));
            else
                _diagnostics.Report(DiagnosticCatalog.SortFieldNotSelected, sort.FieldLocation, field.QualifiedName);
        }
        var pivots = ImmutableArray.CreateBuilder<FieldReference>();
        foreach (var node in query.Pivots)
        {
            if (ResolveQueryField(explore, node) is not { } field)
                continue;
            if (fields.Contains(field))
                pivots.Add(field);
            else
                _diagnostics.Report(DiagnosticCatalog.PivotNotSelected, node.Location, field.QualifiedName);
        }
        return new QuerySpec(
            explore,
            fields.ToImmutable(),
            [.. query.Filters.Select(f => BindFilter(explore, f)).OfType<BoundFilter>()],
            sorts.ToImmutable(),
            ParseInteger(query.Limit, 1, " (at least 1)"),
            pivots.ToImmutable());
    }

    private static string Humanize(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' ');
}
