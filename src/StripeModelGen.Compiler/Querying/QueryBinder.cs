using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Querying;

/// <summary>
/// Turns the three kinds of query — a dashboard tile, a saved query, an ad-hoc command-line query —
/// into one <see cref="BoundQuery"/>, collecting every filter that applies to it.
/// </summary>
public static class QueryBinder
{
    public const string TileKind = "tile";
    public const string SavedQueryKind = "query";
    public const string AdHocKind = "adhoc";

    public static BoundQuery ForSavedQuery(SavedQuerySymbol query) =>
        Create(SavedQueryKind, query.Name, query.Query, [], query.Location);

    /// <summary>
    /// A tile, with the dashboard filters it listens to: a default becomes a filter, no default a bind parameter;
    /// a filter the tile listens to with several fields matches a row when any of them matches.
    /// </summary>
    public static BoundQuery ForTile(DashboardSymbol dashboard, TileSymbol tile)
    {
        var listened = tile.Listen.Select(l => l.Filter.Default is { } filter
            ? new QueryFilter(l.Fields, filter, null, l.Filter.Location)
            : new QueryFilter(l.Fields, null, l.Filter.Name, l.Filter.Location));
        return Create(TileKind, $"{dashboard.Name}.{tile.Name}", tile.Query, listened, tile.Location);
    }

    /// <summary>An ad-hoc query; problems are reported against the command-line arguments (<c>--fields:1:9</c>).</summary>
    public static BoundQuery? ForRequest(BoundModel model, QueryRequest request, DiagnosticBag diagnostics)
    {
        var fieldsSource = new SourceText("--fields", string.Join(",", request.Fields));
        var offset = 0;
        var fields = ImmutableArray.CreateBuilder<YamlScalarSyntax>();
        foreach (var field in request.Fields)
        {
            fields.Add(new YamlScalarSyntax(fieldsSource, new TextSpan(offset, field.Length), field, YamlScalarStyle.Plain, [.. Enumerable.Range(offset, field.Length)]));
            offset += field.Length + 1;
        }
        var syntax = new QuerySyntax(
            Argument("--explore", request.Explore),
            fields.ToImmutable(),
            [.. request.Filters.Select(f => new FilterSyntax(Argument("--filter", f.Key), Argument("--filter", f.Value)))],
            [.. request.Sorts.Select(Sort)],
            null,
            [.. request.Pivots.Select(p => Argument("--pivot", p))]);
        var errorsBefore = diagnostics.ToImmutableSorted().Count(d => d.IsError);
        var spec = Binder.BindQuery(model, syntax, diagnostics);
        if (spec is null || diagnostics.ToImmutableSorted().Count(d => d.IsError) > errorsBefore)
            return null;
        var location = syntax.Explore!.Location;
        return Create(AdHocKind, "query", spec with { Limit = request.Limit }, [], location);
    }

    private static BoundQuery Create(string kind, string name, QuerySpec spec, IEnumerable<QueryFilter> listened, TextLocation location)
    {
        var filters = spec.Explore.AlwaysFilter.Select(f => new QueryFilter(f.Field, f.Filter, null, f.ValueLocation))
            .Concat(spec.Filters.Select(f => new QueryFilter(f.Field, f.Filter, null, f.ValueLocation)))
            .Concat(listened)
            .ToImmutableArray();
        return new BoundQuery(kind, name, spec.Explore, spec.Fields, filters, spec.Sorts, spec.Limit, spec.Pivots, location);
    }

    /// <summary>A command-line value as a scalar of its own source, so diagnostics can point into it.</summary>
    private static YamlScalarSyntax Argument(string option, string value)
    {
        var source = new SourceText(option, value);
        return new YamlScalarSyntax(source, new TextSpan(0, value.Length), value, YamlScalarStyle.Plain, [.. Enumerable.Range(0, value.Length)]);
    }

    /// <summary><c>field</c>, <c>field:desc</c> or <c>field:asc</c>.</summary>
    private static SortSyntax Sort(string text)
    {
        var node = Argument("--sort", text);
        var colon = text.LastIndexOf(':');
        if (colon > 0 && text[(colon + 1)..].Trim().ToLowerInvariant() is "desc" or "asc" && text[(colon + 1)..].Trim() is var direction)
            return new SortSyntax(node, 0, colon, string.Equals(direction, "desc", StringComparison.OrdinalIgnoreCase));
        return new SortSyntax(node, 0, text.Length, false);
    }
}
