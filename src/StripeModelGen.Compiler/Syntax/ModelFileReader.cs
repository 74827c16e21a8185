using System.Collections.Immutable;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Syntax;

/// <summary>
/// Reads one model file's YAML tree into syntax records. Structure only: names are not resolved and
/// values are not interpreted here (the binder does that), but every key is known, every node has
/// the kind its key needs, and required names are present.
/// </summary>
public sealed class ModelFileReader
{
    private static readonly string[] TopLevelKeys = ["sources", "views", "explores", "dashboards", "queries"];
    private static readonly string[] ProjectKeys = ["name", "description", "default_source", "default_dialect", "timezone", "week_start_day", "constants"];
    private static readonly string[] DialectNames = ["postgres", "snowflake", "trino", "sqlserver"];

    private static readonly string[] ConstantKeys = ["name", "value", "allowed_values", "description"];
    private static readonly string[] SourceKeys = ["name", "description", "database", "schema", "tables"];
    private static readonly string[] SourceTableKeys = ["name", "table", "columns"];
    private static readonly string[] SourceColumnKeys = ["name", "column", "type"];
    private static readonly string[] ViewKeys = ["name", "label", "description", "table", "dimensions", "measures", "drill_fields"];
    private static readonly string[] DimensionKeys =
        ["name", "type", "sql", "primary_key", "label", "description", "hidden", "format", "currency", "timeframes", "sql_start", "sql_end", "intervals", "values", "group_label"];
    private static readonly string[] MeasureKeys =
        ["name", "type", "sql", "filters", "percentile", "label", "description", "hidden", "format", "currency", "drill_fields", "group_label"];
    private static readonly string[] FilterKeys = ["field", "value"];
    private static readonly string[] ExploreKeys = ["name", "view", "label", "description", "joins", "sql_always_where", "always_filter", "hidden"];
    private static readonly string[] JoinKeys = ["name", "view", "sql_on", "relationship", "type"];
    private static readonly string[] DashboardKeys = ["name", "title", "description", "filters", "tiles"];
    private static readonly string[] DashboardFilterKeys = ["name", "title", "field", "default", "required"];
    private static readonly string[] QueryKeys = ["explore", "fields", "filters", "sorts", "limit", "pivots"];
    private static readonly string[] TileKeys = [.. new[] { "name", "title", "chart", "listen", "layout", "links", "note" }.Concat(QueryKeys)];
    private static readonly string[] SavedQueryKeys = [.. new[] { "name", "description" }.Concat(QueryKeys)];
    private static readonly string[] LayoutKeys = ["row", "col", "width", "height"];
    private static readonly string[] LinkKeys = ["field", "dashboard", "filter", "label"];

    private readonly DiagnosticBag _diagnostics;

    private ModelFileReader(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public static ProjectSyntax? ReadProject(SourceText source, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(source, diagnostics);
        if (root is null)
            return new ProjectSyntax(source, null, null, null, null, null, null, []);
        return new ModelFileReader(diagnostics).Project(source, root);
    }

    public static ModelFileSyntax ReadModelFile(SourceText source, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(source, diagnostics);
        var empty = new ModelFileSyntax(source, [], [], [], [], []);
        if (root is null || root is YamlScalarSyntax { IsNull: true })
            return empty;
        if (root is not YamlMappingSyntax mapping)
        {
            diagnostics.Report(DiagnosticCatalog.ExpectedMapping, root.Location, "a model file", root.Description);
            return empty;
        }
        var reader = new ModelFileReader(diagnostics);
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (TopLevelKeys.Contains(key))
                continue;
            if (ProjectKeys.Contains(key))
                diagnostics.Report(DiagnosticCatalog.ProjectKeyOutsideProjectFile, entry.Key.Location, key);
            else
                diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownTopLevelKey, entry.Key.Location, key, TopLevelKeys, key, "`sources`, `views`, `explores`, `dashboards` or `queries`");
        }
        var file = MappingReader.Open(mapping, "a model file", TopLevelKeys.Concat(ProjectKeys).ToArray(), diagnostics)!;
        return new ModelFileSyntax(
            source,
            file.Objects("sources", reader.Source),
            file.Objects("views", reader.View),
            file.Objects("explores", reader.Explore),
            file.Objects("dashboards", reader.Dashboard),
            file.Objects("queries", reader.SavedQuery));
    }

    private ProjectSyntax? Project(SourceText source, YamlNodeSyntax root)
    {
        if (MappingReader.Open(root, "the project file", ProjectKeys, _diagnostics) is not { } m)
            return new ProjectSyntax(source, null, null, null, null, null, null, []);
        return new ProjectSyntax(
            source,
            m.RequiredScalar("name"),
            m.Scalar("default_source"),
            m.Scalar("default_dialect"),
            m.Scalar("timezone"),
            m.Scalar("week_start_day"),
            m.Scalar("description"),
            m.Objects("constants", Constant));
    }

    private ConstantSyntax? Constant(YamlNodeSyntax node)
    {
        if (Open(node, "a constant", ConstantKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new ConstantSyntax(name, m.Scalar("value"), m.ScalarList("allowed_values"), m.Scalar("description"));
    }

    private SourceSyntax? Source(YamlNodeSyntax node)
    {
        if (Open(node, "a source", SourceKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new SourceSyntax(name, m.Scalar("description"), m.Scalar("database"), m.Scalar("schema"), m.Objects("tables", SourceTable));
    }

    private SourceTableSyntax? SourceTable(YamlNodeSyntax node)
    {
        if (Open(node, "a source table", SourceTableKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new SourceTableSyntax(name, m.Scalar("table"), m.Objects("columns", SourceColumn));
    }

    private SourceColumnSyntax? SourceColumn(YamlNodeSyntax node)
    {
        if (Open(node, "a source column", SourceColumnKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new SourceColumnSyntax(name, m.Scalar("column"), m.Scalar("type"));
    }

    private ViewSyntax? View(YamlNodeSyntax node)
    {
        if (Open(node, "a view", ViewKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new ViewSyntax(
            name,
            m.Scalar("label"),
            m.Scalar("description"),
            m.Scalar("table"),
            m.Objects("dimensions", Dimension),
            m.Objects("measures", Measure),
            m.ScalarList("drill_fields"));
    }

    private DimensionSyntax? Dimension(YamlNodeSyntax node)
    {
        if (Open(node, "a dimension", DimensionKeys, IsDialectSqlKey) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new DimensionSyntax(
            name,
            m.Scalar("type"),
            m.Scalar("sql"),
            DialectSql(m),
            m.Scalar("primary_key"),
            m.Scalar("label"),
            m.Scalar("description"),
            m.Scalar("hidden"),
            m.Scalar("format"),
            m.Scalar("currency"),
            m.ScalarList("timeframes"),
            m.Scalar("sql_start"),
            m.Scalar("sql_end"),
            m.ScalarList("intervals"),
            m.ScalarList("values"),
            m.Scalar("group_label"));
    }

    private MeasureSyntax? Measure(YamlNodeSyntax node)
    {
        if (Open(node, "a measure", MeasureKeys, IsDialectSqlKey) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new MeasureSyntax(
            name,
            m.Scalar("type"),
            m.Scalar("sql"),
            DialectSql(m),
            m.Objects("filters", Filter),
            m.Scalar("percentile"),
            m.Scalar("label"),
            m.Scalar("description"),
            m.Scalar("hidden"),
            m.Scalar("format"),
            m.Scalar("currency"),
            m.ScalarList("drill_fields"),
            m.Scalar("group_label"));
    }

    private static bool IsDialectSqlKey(string key) =>
        key.StartsWith("sql_", StringComparison.Ordinal) && DialectNames.Contains(key[4..]);

    private static ImmutableArray<DialectSqlSyntax> DialectSql(MappingReader m) =>
        [.. DialectNames.Select(d => (Dialect: d, Sql: m.Scalar("sql_" + d))).Where(x => x.Sql is not null).Select(x => new DialectSqlSyntax(x.Dialect, x.Sql!))];

    private FilterSyntax? Filter(YamlNodeSyntax node)
    {
        if (Open(node, "a filter", FilterKeys) is not { } m || m.RequiredScalar("field") is not { } field)
            return null;
        var value = m.Scalar("value");
        if (value is null)
        {
            if (m.Node("value") is null)
                _diagnostics.Report(DiagnosticCatalog.MissingKey, field.Location, "A filter", "value");
            return null;
        }
        return new FilterSyntax(field, value);
    }

    private ExploreSyntax? Explore(YamlNodeSyntax node)
    {
        if (Open(node, "an explore", ExploreKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new ExploreSyntax(
            name,
            m.Scalar("view"),
            m.Scalar("label"),
            m.Scalar("description"),
            m.Objects("joins", Join),
            m.Scalar("sql_always_where"),
            m.Objects("always_filter", Filter),
            m.Scalar("hidden"));
    }

    private JoinSyntax? Join(YamlNodeSyntax node)
    {
        if (Open(node, "a join", JoinKeys) is not { } m)
            return null;
        var view = m.RequiredScalar("view");
        if (view is null)
            return null;
        return new JoinSyntax(m.Syntax, m.Scalar("name"), view, m.Scalar("sql_on"), m.Scalar("relationship"), m.Scalar("type"));
    }

    private DashboardSyntax? Dashboard(YamlNodeSyntax node)
    {
        if (Open(node, "a dashboard", DashboardKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new DashboardSyntax(name, m.Scalar("title"), m.Scalar("description"), m.Objects("filters", DashboardFilter), m.Objects("tiles", Tile));
    }

    private DashboardFilterSyntax? DashboardFilter(YamlNodeSyntax node)
    {
        if (Open(node, "a dashboard filter", DashboardFilterKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new DashboardFilterSyntax(name, m.Scalar("title"), m.RequiredScalar("field"), m.Scalar("default"), m.Scalar("required"));
    }

    private TileSyntax? Tile(YamlNodeSyntax node)
    {
        if (Open(node, "a tile", TileKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new TileSyntax(
            m.Syntax,
            name,
            m.Scalar("title"),
            m.Scalar("chart"),
            Query(m),
            Listen(m),
            m.Mapping("layout") is { } layout ? Layout(layout) : null,
            m.Objects("links", Link),
            m.Scalar("note"));
    }

    private SavedQuerySyntax? SavedQuery(YamlNodeSyntax node)
    {
        if (Open(node, "a query", SavedQueryKeys) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new SavedQuerySyntax(name, m.Scalar("description"), Query(m));
    }

    private QuerySyntax Query(MappingReader m) => new(
        m.RequiredScalar("explore"),
        m.ScalarList("fields"),
        m.Objects("filters", Filter),
        [.. m.ScalarList("sorts").Select(Sort)],
        m.Scalar("limit"),
        m.ScalarList("pivots"));

    private static SortSyntax Sort(YamlScalarSyntax node)
    {
        var text = node.Value;
        var trimmedEnd = text.TrimEnd();
        var descending = false;
        var fieldLength = trimmedEnd.Length;
        foreach (var (suffix, isDescending) in new[] { (" desc", true), (" asc", false) })
        {
            if (trimmedEnd.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                descending = isDescending;
                fieldLength = trimmedEnd.Length - suffix.Length;
                break;
            }
        }
        var field = text[..fieldLength].TrimEnd();
        var leading = field.Length - field.TrimStart().Length;
        field = field.Trim();
        return new SortSyntax(node, leading, field.Length, descending);
    }

    private ImmutableArray<ListenSyntax> Listen(MappingReader m)
    {
        if (m.Mapping("listen") is not { } mapping)
            return [];
        var builder = ImmutableArray.CreateBuilder<ListenSyntax>();
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalarSyntax { IsNull: false } field)
                builder.Add(new ListenSyntax(entry.Key, field));
            else
                _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, entry.Value.Location, $"the field of listened filter `{entry.Key.Value}`", entry.Value.Description);
        }
        return builder.ToImmutable();
    }

    private LayoutSyntax? Layout(YamlMappingSyntax node)
    {
        if (Open(node, "a tile layout", LayoutKeys) is not { } m)
            return null;
        return new LayoutSyntax(node, m.RequiredScalar("row"), m.RequiredScalar("col"), m.RequiredScalar("width"), m.RequiredScalar("height"));
    }

    private TileLinkSyntax? Link(YamlNodeSyntax node)
    {
        if (Open(node, "a tile link", LinkKeys) is not { } m)
            return null;
        return new TileLinkSyntax(m.Syntax, m.RequiredScalar("field"), m.RequiredScalar("dashboard"), m.Scalar("filter"), m.Scalar("label"));
    }

    private MappingReader? Open(YamlNodeSyntax node, string what, string[] keys, Func<string, bool>? isKnownPattern = null) =>
        MappingReader.Open(node, what, keys, _diagnostics, isKnownPattern);
}
