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
    /// <summary>The shipped dialects, whose names make the <c>sql_&lt;dialect&gt;</c> keys.</summary>
    private static readonly string[] DialectNames = [.. Dialects.DialectCatalog.Names];
    private static readonly string[] DialectSqlKeys = [.. DialectNames.Select(d => "sql_" + d)];

    // Keys and, for near misses, the LookML spelling a Looker user is likely to type.
    private static readonly MappingReader.Shape ProjectShape = new(
        ProjectKeys,
        Aliases: new Dictionary<string, string> { ["week_start"] = "week_start_day", ["source"] = "default_source", ["dialect"] = "default_dialect" });
    private static readonly MappingReader.Shape ConstantShape = new(["name", "value", "allowed_values", "description"]);
    private static readonly MappingReader.Shape SourceShape = new(["name", "description", "database", "schema", "tables"]);
    private static readonly MappingReader.Shape SourceTableShape = new(["name", "table", "where", "columns", "missing"]);
    private static readonly MappingReader.Shape SourceColumnShape = new(["name", "column", "type"]);
    private static readonly MappingReader.Shape ViewShape = new(
        ["name", "label", "description", "table", "derived", "publish", "dimensions", "measures", "drill_fields"],
        Aliases: new Dictionary<string, string> { ["sql_table_name"] = "table", ["derived_table"] = "derived", ["dimension"] = "dimensions", ["measure"] = "measures" });
    private static readonly MappingReader.Shape DerivedShape = new(["from", "joins", "where", "group_by"], NameKeys: []);
    private static readonly MappingReader.Shape PublishShape = new(["kind", "sorts"], NameKeys: []);
    private static readonly MappingReader.Shape DimensionShape = new(
        ["name", "type", "sql", "primary_key", "label", "description", "hidden", "format", "currency", "timeframes", "sql_start", "sql_end", "intervals", "values", "group_label", "case_sensitive"],
        IsDialectSqlKey,
        DialectSqlKeys,
        new Dictionary<string, string> { ["value_format_name"] = "format", ["value_format"] = "format" });
    private static readonly MappingReader.Shape MeasureShape = new(
        ["name", "type", "sql", "filters", "percentile", "label", "description", "hidden", "format", "currency", "drill_fields", "group_label"],
        IsDialectSqlKey,
        DialectSqlKeys,
        new Dictionary<string, string> { ["value_format_name"] = "format", ["value_format"] = "format" });
    private static readonly MappingReader.Shape FilterShape = new(["field", "value"], NameKeys: ["field"], NamedFormat: "the filter on `{0}`");
    private static readonly MappingReader.Shape ExploreShape = new(["name", "view", "label", "description", "joins", "sql_always_where", "always_filter", "hidden"]);
    private static readonly MappingReader.Shape JoinShape = new(
        ["name", "view", "sql_on", "relationship", "type", "split", "separator"],
        Aliases: new Dictionary<string, string> { ["from"] = "view", ["foreign_key"] = "sql_on", ["relation"] = "relationship" },
        NameKeys: ["name", "view"]);
    private static readonly MappingReader.Shape DashboardShape = new(
        ["name", "title", "description", "filters", "tiles"],
        Aliases: new Dictionary<string, string> { ["elements"] = "tiles" });
    private static readonly MappingReader.Shape DashboardFilterShape = new(["name", "title", "field", "fields", "default", "required"]);
    private static readonly string[] QueryKeys = ["explore", "fields", "filters", "sorts", "limit", "pivots"];
    private static readonly MappingReader.Shape TileShape = new(
        [.. new[] { "name", "title", "chart", "listen", "layout", "links", "note" }.Concat(QueryKeys)],
        Aliases: new Dictionary<string, string> { ["type"] = "chart", ["row"] = "layout", ["col"] = "layout", ["width"] = "layout", ["height"] = "layout" });
    private static readonly MappingReader.Shape SavedQueryShape = new([.. new[] { "name", "description" }.Concat(QueryKeys)]);
    private static readonly MappingReader.Shape LayoutShape = new(
        ["row", "col", "width", "height"],
        Aliases: new Dictionary<string, string> { ["column"] = "col" },
        NameKeys: []);
    private static readonly MappingReader.Shape LinkShape = new(["field", "dashboard", "filter", "label"], NameKeys: []);

    private readonly DiagnosticBag _diagnostics;

    private ModelFileReader(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public static ProjectSyntax? ReadProject(SourceText source, DiagnosticBag diagnostics)
    {
        ReportIfEmpty(source, diagnostics);
        var errorsBefore = diagnostics.Count;
        var root = YamlTreeReader.Read(source, diagnostics);
        if (root is null or YamlScalarSyntax { IsNull: true })
        {
            // An empty project file (or one of comments only) still needs its name; a YAML error was reported already.
            if (diagnostics.Count == errorsBefore)
                diagnostics.Report(DiagnosticCatalog.MissingKey, source.GetLocation(root?.Span ?? default), "The project file", "name");
            return new ProjectSyntax(source, null, null, null, null, null, null, []);
        }
        return new ModelFileReader(diagnostics).Project(source, root);
    }

    /// <summary>A file of nothing but white space is worth a warning: it is often a file saved before it was written.</summary>
    private static void ReportIfEmpty(SourceText source, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(source.Text))
            diagnostics.Report(DiagnosticCatalog.EmptyFile, source.GetLocation(default));
    }

    public static ModelFileSyntax ReadModelFile(SourceText source, DiagnosticBag diagnostics)
    {
        ReportIfEmpty(source, diagnostics);
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
        // Unknown top-level keys were reported above (SMG1020, SMG1021): the reader only hands out the lists.
        var file = MappingReader.Open(mapping, "a model file", new MappingReader.Shape(TopLevelKeys, IsKnownPattern: _ => true, NameKeys: []), diagnostics)!;
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
        if (MappingReader.Open(root, "the project file", ProjectShape, _diagnostics) is not { } m)
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
        if (Open(node, "a constant", ConstantShape) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new ConstantSyntax(name, m.Scalar("value"), m.ScalarList("allowed_values"), m.Scalar("description"));
    }

    private SourceSyntax? Source(YamlNodeSyntax node)
    {
        if (Open(node, "a source", SourceShape) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new SourceSyntax(name, m.Scalar("description"), m.Scalar("database"), m.Scalar("schema"), m.Objects("tables", SourceTable));
    }

    private SourceTableSyntax? SourceTable(YamlNodeSyntax node)
    {
        if (Open(node, "a source table", SourceTableShape) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new SourceTableSyntax(name, m.Scalar("table"), RowConditions(m), m.Objects("columns", SourceColumn), m.ScalarList("missing"));
    }

    private ImmutableArray<SourceRowConditionSyntax> RowConditions(MappingReader m)
    {
        if (m.Mapping("where") is not { } mapping)
            return [];
        var builder = ImmutableArray.CreateBuilder<SourceRowConditionSyntax>();
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalarSyntax { IsNull: false } value)
                builder.Add(new SourceRowConditionSyntax(entry.Key, value));
            else if (!entry.Value.IsMissing)
                _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, entry.Value.Location, $"row filter `{entry.Key.Value}`", entry.Value.Description);
        }
        return builder.ToImmutable();
    }

    private SourceColumnSyntax? SourceColumn(YamlNodeSyntax node)
    {
        if (Open(node, "a source column", SourceColumnShape) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new SourceColumnSyntax(name, m.Scalar("column"), m.Scalar("type"));
    }

    private ViewSyntax? View(YamlNodeSyntax node)
    {
        if (Open(node, "a view", ViewShape) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new ViewSyntax(
            name,
            m.Scalar("label"),
            m.Scalar("description"),
            m.Scalar("table"),
            m.Mapping("derived") is { } derived ? Derived(derived) : null,
            m.Mapping("publish") is { } publish ? Publish(publish) : null,
            m.Objects("dimensions", Dimension),
            m.Objects("measures", Measure),
            m.ScalarList("drill_fields"));
    }

    private DerivedSyntax? Derived(YamlMappingSyntax node)
    {
        if (Open(node, "a derived view", DerivedShape) is not { } m)
            return null;
        ImmutableArray<YamlScalarSyntax>? groupBy = node.Find("group_by") is null ? null : m.ScalarList("group_by");
        return new DerivedSyntax(node, m.RequiredScalar("from"), m.Objects("joins", Join), m.Scalar("where"), groupBy);
    }

    private PublishSyntax? Publish(YamlMappingSyntax node)
    {
        if (Open(node, "a publication", PublishShape) is not { } m)
            return null;
        return new PublishSyntax(node, m.RequiredScalar("kind"), [.. m.ScalarList("sorts").Select(Sort)]);
    }

    private DimensionSyntax? Dimension(YamlNodeSyntax node)
    {
        if (Open(node, "a dimension", DimensionShape) is not { } m || m.RequiredScalar("name") is not { } name)
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
            m.Scalar("group_label"),
            m.Scalar("case_sensitive"));
    }

    private MeasureSyntax? Measure(YamlNodeSyntax node)
    {
        if (Open(node, "a measure", MeasureShape) is not { } m || m.RequiredScalar("name") is not { } name)
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
        if (Open(node, "a filter", FilterShape) is not { } m || m.RequiredScalar("field") is not { } field)
            return null;
        // `value: ""` is a filter expression the binder judges; `value:` with nothing is a mistake.
        return m.RequiredScalar("value", allowEmptyQuoted: true) is { } value ? new FilterSyntax(field, value) : null;
    }

    private ExploreSyntax? Explore(YamlNodeSyntax node)
    {
        if (Open(node, "an explore", ExploreShape) is not { } m || m.RequiredScalar("name") is not { } name)
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
        if (Open(node, "a join", JoinShape) is not { } m)
            return null;
        if (m.Syntax.Find("split") is not null)
            return SplitJoin(m);
        var view = m.RequiredScalar("view");
        if (view is null)
            return null;
        if (m.Scalar("separator") is { } separator)
            _diagnostics.Report(DiagnosticCatalog.MissingKey, separator.Location, "A join with `separator`", "split");
        return new JoinSyntax(m.Syntax, m.Scalar("name"), view, m.Scalar("sql_on"), m.Scalar("relationship"), m.Scalar("type"));
    }

    /// <summary>A join splitting a string into rows: <c>name</c> and <c>split</c> required, no view or condition.</summary>
    private JoinSyntax? SplitJoin(MappingReader m)
    {
        var split = m.RequiredScalar("split");
        var name = m.RequiredScalar("name");
        foreach (var key in new[] { "view", "sql_on", "relationship", "type" })
        {
            if (m.Scalar(key) is { } conflicting)
            {
                _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, conflicting.Location, key, "split");
                return null;
            }
        }
        var separator = m.RequiredScalar("separator");
        if (split is null || name is null || separator is null)
            return null;
        return new JoinSyntax(m.Syntax, name, null, null, null, null, split, separator);
    }

    private DashboardSyntax? Dashboard(YamlNodeSyntax node)
    {
        if (Open(node, "a dashboard", DashboardShape) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new DashboardSyntax(name, m.Scalar("title"), m.Scalar("description"), m.Objects("filters", DashboardFilter), m.Objects("tiles", Tile));
    }

    private DashboardFilterSyntax? DashboardFilter(YamlNodeSyntax node)
    {
        if (Open(node, "a dashboard filter", DashboardFilterShape) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new DashboardFilterSyntax(name, m.Scalar("title"), DashboardFilterFields(m), m.Scalar("default"), m.Scalar("required"));
    }

    /// <summary><c>field: view.name</c>, or <c>fields: [view.a, view.b]</c> (one at least), not both.</summary>
    private ImmutableArray<YamlScalarSyntax> DashboardFilterFields(MappingReader m)
    {
        if (m.Syntax.Find("fields") is not { } entry)
            return m.RequiredScalar("field") is { } field ? [field] : [];
        if (m.Syntax.Find("field") is { } single)
        {
            _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, single.Key.Location, "field", "fields");
            return [];
        }
        if (entry.Value is YamlSequenceSyntax { Items.IsEmpty: true } or YamlScalarSyntax { IsNull: true })
        {
            _diagnostics.Report(DiagnosticCatalog.EmptyValue, entry.Key.Location, $"`fields` of {m.Subject}");
            return [];
        }
        // An item that is not a field was reported; the filter is then left out rather than bound on fewer fields.
        var fields = m.ScalarList("fields");
        return entry.Value is YamlSequenceSyntax sequence && fields.Length == sequence.Items.Length ? fields : [];
    }

    private TileSyntax? Tile(YamlNodeSyntax node)
    {
        if (Open(node, "a tile", TileShape) is not { } m || m.RequiredScalar("name") is not { } name)
            return null;
        return new TileSyntax(
            m.Syntax,
            name,
            m.Scalar("title"),
            m.Scalar("chart"),
            Query(m),
            Listen(m),
            m.Mapping("layout") is { } layout ? Layout(layout, m.Subject) : null,
            m.Objects("links", link => Link(link, m.Subject)),
            m.Scalar("note"));
    }

    private SavedQuerySyntax? SavedQuery(YamlNodeSyntax node)
    {
        if (Open(node, "a query", SavedQueryShape) is not { } m || m.RequiredScalar("name") is not { } name)
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
            switch (entry.Value)
            {
                case YamlScalarSyntax { IsNull: false } field:
                    builder.Add(new ListenSyntax(entry.Key, [field], field));
                    break;
                case YamlSequenceSyntax { Items.IsEmpty: true } empty:
                    _diagnostics.Report(DiagnosticCatalog.EmptyValue, empty.Location, $"The fields of listened filter `{entry.Key.Value}`");
                    break;
                case YamlSequenceSyntax sequence:
                    var fields = ImmutableArray.CreateBuilder<YamlScalarSyntax>();
                    foreach (var item in sequence.Items)
                    {
                        if (item is YamlScalarSyntax { IsNull: false } scalar)
                            fields.Add(scalar);
                        else if (!item.IsMissing)
                            _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, item.Location, $"a field of listened filter `{entry.Key.Value}`", item.Description);
                    }
                    if (fields.Count == sequence.Items.Length)
                        builder.Add(new ListenSyntax(entry.Key, fields.ToImmutable(), sequence));
                    break;
                default:
                    if (!entry.Value.IsMissing)
                        _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, entry.Value.Location, $"the field (or list of fields) of listened filter `{entry.Key.Value}`", entry.Value.Description);
                    break;
            }
        }
        return builder.ToImmutable();
    }

    private LayoutSyntax? Layout(YamlMappingSyntax node, string tile)
    {
        if (Open(node, $"the layout of {tile}", LayoutShape) is not { } m)
            return null;
        return new LayoutSyntax(node, m.RequiredScalar("row"), m.RequiredScalar("col"), m.RequiredScalar("width"), m.RequiredScalar("height"));
    }

    private TileLinkSyntax? Link(YamlNodeSyntax node, string tile)
    {
        if (Open(node, $"a link of {tile}", LinkShape) is not { } m)
            return null;
        return new TileLinkSyntax(m.Syntax, m.RequiredScalar("field"), m.RequiredScalar("dashboard"), m.Scalar("filter"), m.Scalar("label"));
    }

    private MappingReader? Open(YamlNodeSyntax node, string what, MappingReader.Shape shape) =>
        MappingReader.Open(node, what, shape, _diagnostics);
}
