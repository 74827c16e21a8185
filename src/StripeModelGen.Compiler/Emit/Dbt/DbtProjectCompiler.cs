using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Planning;
using StripeModelGen.Compiler.Querying;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Emit.Dbt;

/// <summary>
/// Builds the dbt project of a bound model for one dialect and its selected source. Every SQL body is the
/// compiler's own lowering, written by the dialect writer, with only the relations replaced: staging models
/// read <c>{{ source() }}</c> and apply the source's renames and epoch conversions once; everything else
/// reads tables by logical column names through <c>{{ ref('stg_...') }}</c> (<see cref="LoweringContext.StagingRelation"/>)
/// and derived views through the model holding their rows (<see cref="LoweringContext.DerivedRelation"/>).
/// </summary>
public static class DbtProjectCompiler
{
    /// <summary>
    /// The project, or null when something was reported as an error. With <paramref name="asOf"/>, every read of
    /// the clock is that instant, so no model reads the clock (queries and tiles are all tables) and every
    /// header says so.
    /// </summary>
    public static DbtProject? Compile(BoundModel model, string dialect, DiagnosticBag diagnostics, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!SqlRendering.CheckDialect(dialect, diagnostics))
            return null;
        return new DbtProjectBuilder(model, dialect, diagnostics, asOf).Build();
    }
}

/// <summary>The state of one <see cref="DbtProjectCompiler.Compile"/> run.</summary>
internal sealed class DbtProjectBuilder
{
    private const string View = "view";
    private const string Table = "table";

    private readonly BoundModel _model;
    private readonly string _dialect;
    private readonly DialectSpec _spec;
    private readonly DiagnosticBag _diagnostics;
    private readonly SourceSymbol? _source;
    private readonly string _sourceName;
    private readonly LoweringContext _context;
    private readonly LoweringContext _sourceContext;
    private readonly Dictionary<ViewSymbol, string> _rowsModels = [];
    private readonly Dictionary<ViewSymbol, string> _viewModels = [];
    private readonly Dictionary<string, string> _claimed = new(StringComparer.Ordinal);
    private readonly List<DbtModel> _models = [];
    private readonly List<string> _skippedTiles = [];

    public DbtProjectBuilder(BoundModel model, string dialect, DiagnosticBag diagnostics, DateTimeOffset? asOf)
    {
        _model = model;
        _dialect = dialect;
        _spec = DialectCatalog.Get(dialect);
        _diagnostics = diagnostics;
        _sourceName = model.Project.DefaultSource;
        _source = model.Source(_sourceName);
        _sourceContext = LoweringContext.For(model, _sourceName, dialect, asOf);
        _context = _sourceContext with
        {
            StagingRelation = table => Placeholder.Ref(DbtNames.Staging(table)),
            DerivedRelation = view => _rowsModels.TryGetValue(view, out var rows) ? Placeholder.Ref(rows) : null,
        };
    }

    public DbtProject? Build()
    {
        var views = _model.Views.Where(IsAvailable).ToImmutableArray();
        var tables = views.Where(v => v.Derived is null).GroupBy(v => v.Table ?? v.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToImmutableArray();
        ClaimNames(views, tables);
        if (_diagnostics.HasErrors)
            return null;

        var tests = DbtSchemaTests.For(_model, views, _viewModels);
        foreach (var table in tables)
            AddStaging(table.Key, [.. table]);
        foreach (var view in views.Where(v => v.Derived is not null && _rowsModels[v] != _viewModels[v]))
            AddIntermediate(view);
        foreach (var view in views)
            AddView(view, tests);
        foreach (var saved in _model.Queries)
            AddQuery(QueryBinder.ForSavedQuery(saved), DbtModelKind.Query, DbtNames.Query(saved.Name), $"queries/{DbtNames.Query(saved.Name)}.sql", saved.Description, FileOf(saved.Location));
        foreach (var dashboard in _model.Dashboards)
        {
            foreach (var tile in dashboard.Tiles)
            {
                var query = QueryBinder.ForTile(dashboard, tile);
                if (!query.Parameters.IsEmpty)
                    continue;
                var name = DbtNames.Tile(dashboard.Name, tile.Name);
                var description = tile.Note is null ? $"{dashboard.Title}: {tile.Title}." : $"{dashboard.Title}: {tile.Title}. {tile.Note}";
                AddQuery(query, DbtModelKind.Tile, name, $"tiles/{dashboard.Name}/{name}.sql", description, FileOf(dashboard.Location));
            }
        }
        if (_diagnostics.HasErrors)
            return null;

        var models = _models.OrderBy(m => m.Path, StringComparer.Ordinal).ToImmutableArray();
        var files = DbtFiles.Write(new DbtFiles.Input(_model, _dialect, _sourceName, _source, models, [.. _skippedTiles], _context.AsOf));
        return new DbtProject(_dialect, _sourceName, models, files);
    }

    /// <summary>Gives every model its name, reporting clashes and names too long for PostgreSQL.</summary>
    private void ClaimNames(ImmutableArray<ViewSymbol> views, ImmutableArray<IGrouping<string, ViewSymbol>> tables)
    {
        foreach (var view in views)
        {
            _viewModels[view] = view.Name;
            Claim(view.Name, "View", view.Name, view.Location);
            if (view.Derived is null)
                continue;
            _rowsModels[view] = ShowsItsRows(view) ? view.Name : DbtNames.Intermediate(view.Name);
            if (_rowsModels[view] != view.Name)
                Claim(_rowsModels[view], "The rows of derived view", view.Name, view.Location);
        }
        foreach (var table in tables)
            Claim(DbtNames.Staging(table.Key), "Table", table.Key, table.First().Location);
        foreach (var saved in _model.Queries)
            Claim(DbtNames.Query(saved.Name), "Query", saved.Name, saved.Location);
        foreach (var dashboard in _model.Dashboards)
        {
            foreach (var tile in dashboard.Tiles)
            {
                if (!QueryBinder.ForTile(dashboard, tile).Parameters.IsEmpty)
                    _skippedTiles.Add($"{dashboard.Name}.{tile.Name}");
                else
                    Claim(DbtNames.Tile(dashboard.Name, tile.Name), "Tile", $"{dashboard.Name}.{tile.Name}", tile.Location);
            }
        }
    }

    private void Claim(string model, string what, string name, TextLocation location)
    {
        var description = $"{what.ToLowerInvariant()} `{name}`";
        if (_claimed.TryGetValue(model, out var owner))
            _diagnostics.Report(DiagnosticCatalog.DbtModelNameClash, location, what, name, model, owner);
        else
            _claimed[model] = description;
        if (model.Length > DbtNames.MaxModelNameLength)
            _diagnostics.Report(DiagnosticCatalog.DbtModelNameTooLong, location, what, name, model, model.Length, DbtNames.MaxModelNameLength);
    }

    /// <summary>
    /// A derived view whose view DDL shows exactly its rows (no hidden helper columns, no money scaled to
    /// major units, no durations) is one model; otherwise its rows are an <c>int_</c> model of their own.
    /// </summary>
    private static bool ShowsItsRows(ViewSymbol view) =>
        view.Dimensions.All(d => d.Type is not (DimensionType.Money or DimensionType.Duration))
        && SqlLowerer.ViewColumns(view).Count() == view.Dimensions.Length;

    private void AddStaging(string table, ImmutableArray<ViewSymbol> views)
    {
        var name = DbtNames.Staging(table);
        var mapping = _source?.Tables.GetValueOrDefault(table);
        var columns = views.SelectMany(v => v.ColumnsRead).Where(c => mapping is null || !mapping.Lacks(c))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        // The columns are lowered as the first view over the table reads them (renames, epoch conversions), then read under the table's name.
        var lowerer = new ExpressionLowerer(_sourceContext, new SelectScope());
        var items = columns.Select(c => new SqlSelectItem(lowerer.Lower(new BoundColumn(views[0], c, views[0].Location), null), c)).ToImmutableArray();
        if (items.IsEmpty)
            items = [new SqlSelectItem(SqlLiteral.Number(1), "_row")];
        var select = SqlSelect.Empty with
        {
            Columns = items,
            From = new SqlRawSource(Placeholder.Source(table), table),
            Where = mapping is null ? null : TableSources.RowCondition(mapping, table),
        };
        var statement = new ColumnTableRenamer(views[0].Name, table).Apply(new SqlQueryStatement(select));

        var physical = mapping?.Table ?? table;
        var description = (physical == table ? $"The `{table}` table of source {_sourceName}" : $"The `{physical}` table of source {_sourceName}, as logical table `{table}`")
            + ": the columns the model reads, under the model's names"
            + ConvertedStorage(columns.Select(c => mapping?.Columns.GetValueOrDefault(c)?.Storage)) + ".";
        var dbtColumns = columns.Select(c => new DbtColumn(c, StagingColumnDescription(views, c, mapping?.Columns.GetValueOrDefault(c)), [])).ToImmutableArray();
        var files = views.Select(v => FileOf(v.Location)).Append(_source is null ? null : FileOf(_source.Location));
        Add(DbtModelKind.Staging, name, $"staging/{name}.sql", View, statement, views[0].Location, $"staging model {name}", description, dbtColumns, files);
    }

    /// <summary>", epoch integers as timestamps" and the like, for the columns a staging model converts; empty when it converts none.</summary>
    private static string ConvertedStorage(IEnumerable<ColumnStorage?> storages)
    {
        var kinds = storages.Select(s => s switch
        {
            ColumnStorage.EpochSeconds or ColumnStorage.EpochMilliseconds => "epoch integers",
            ColumnStorage.Iso8601Text => "ISO 8601 text",
            _ => null,
        }).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return kinds.Count == 0 ? string.Empty : $", {string.Join(" and ", kinds)} as timestamps";
    }

    /// <summary>The description of a dimension that is exactly this column, if any, and how the source stores it when it differs.</summary>
    private static string? StagingColumnDescription(ImmutableArray<ViewSymbol> views, string column, SourceColumnSymbol? stored)
    {
        var description = views.SelectMany(v => v.Dimensions)
            .FirstOrDefault(d => d.Expression is BoundColumn c && c.Column == column && d.DialectExpressions.IsEmpty && d.Description is not null)
            ?.Description;
        var storage = stored switch
        {
            { Storage: ColumnStorage.EpochSeconds } => $"Stored as epoch seconds in `{stored.Column}`.",
            { Storage: ColumnStorage.EpochMilliseconds } => $"Stored as epoch milliseconds in `{stored.Column}`.",
            { Storage: ColumnStorage.Iso8601Text } => $"Stored as ISO 8601 text in `{stored.Column}`.",
            not null when stored.Column != column => $"Stored as `{stored.Column}`.",
            _ => null,
        };
        return description is null ? storage : storage is null ? description : description + " " + storage;
    }

    private void AddIntermediate(ViewSymbol view)
    {
        var name = _rowsModels[view];
        var statement = SqlLowerer.LowerDerivedRows(view, _context);
        var columns = view.Dimensions.Where(d => d.Type != DimensionType.Duration).Select(d => new DbtColumn(d.Name, d.Description, [])).ToImmutableArray();
        var description = $"The rows of derived view `{view.Name}`, before the view shows them: {view.Description ?? view.Label ?? view.Name}";
        Add(DbtModelKind.Intermediate, name, $"intermediate/{name}.sql", View, statement, view.Location, $"intermediate model {name}", description, columns, DerivedFiles(view));
    }

    private void AddView(ViewSymbol view, DbtSchemaTests tests)
    {
        var name = _viewModels[view];
        SqlStatement statement = view.Derived is not null && _rowsModels[view] == name
            ? SqlLowerer.LowerDerivedRows(view, _context)
            : new SqlQueryStatement(SqlLowerer.LowerView(view, _context).Query);
        var leftOut = SqlLowerer.ColumnsLeftOut(view, _sourceContext).Select(c => c.Column).ToHashSet(StringComparer.Ordinal);
        var columns = SqlLowerer.ViewColumns(view)
            .SelectMany(d => d.Type == DimensionType.Duration
                ? d.Intervals.Select(i => (Name: new FieldReference(view.Name, d, null, i).Name, Dimension: d))
                : [(Name: d.Name, Dimension: d)])
            .Where(c => !leftOut.Contains(c.Name))
            .Select(c => new DbtColumn(c.Name, c.Dimension.Description, tests.Of(view, c.Name)))
            .ToImmutableArray();
        var published = view.Publish is not null;
        var kind = published ? DbtModelKind.Mrr : DbtModelKind.View;
        var materialized = published && !ClockReader.Reads(statement) ? Table : View;
        var path = published ? $"{view.Publish!.Kind}/{name}.sql" : $"views/{name}.sql";
        var what = published ? $"{view.Publish!.Kind} {name}" : $"view {name}";
        Add(kind, name, path, materialized, statement, view.Location, what, view.Description ?? view.Label, columns, DerivedFiles(view));
    }

    private IEnumerable<string?> DerivedFiles(ViewSymbol view) =>
        (view.Derived?.Sources ?? []).Prepend(view).Select(v => FileOf(v.Location));

    private void AddQuery(BoundQuery query, DbtModelKind kind, string name, string path, string? description, string? file)
    {
        if (QueryPlanner.Plan(query, _diagnostics) is not { } plan)
            return;
        var views = plan.Legs.SelectMany(l => l.Joins).Concat(plan.DimensionJoins).Select(j => j.View).Prepend(query.Explore.BaseView).Distinct().ToList();
        var what = kind == DbtModelKind.Tile ? "Tile" : "Query";
        var lowering = new DiagnosticBag();
        var lowered = SqlLowerer.Lower(plan, _context, lowering);
        if (ProjectCompiler.IsUnavailable(what, query.Name, SourceGaps.First(lowered), _sourceContext, query.Location, _diagnostics))
            return;
        _diagnostics.AddRange(lowering.ToImmutableSorted());
        var statement = Present(lowered);
        var columns = plan.Dimensions.Concat(plan.Measures)
            .Select(f => new DbtColumn(DbtNames.Column(f.QualifiedName), f.Field.Description, []))
            .ToImmutableArray();
        var materialized = ClockReader.Reads(statement) ? View : Table;
        var files = views.Select(v => FileOf(v.Location)).Append(FileOf(query.Explore.Location)).Append(file);
        Add(kind, name, path, materialized, statement, query.Location, $"{query.Kind} {query.Name}", description, columns, files);
    }

    /// <summary>
    /// A query as a relation: output columns <c>view__field</c> instead of <c>view.field</c>, and no ORDER BY
    /// unless a LIMIT needs it (a table or view has no row order; SQL Server rejects ORDER BY in a view without TOP).
    /// </summary>
    private static SqlQueryStatement Present(SqlQueryStatement statement)
    {
        if (statement.Query is not SqlSelect select)
            return statement;
        var renamed = select.Columns.ToDictionary(c => c.Alias, c => DbtNames.Column(c.Alias), StringComparer.Ordinal);
        return new SqlQueryStatement(select with
        {
            Columns = [.. select.Columns.Select(c => c with { Alias = renamed[c.Alias] })],
            OrderBy = select.Limit is null
                ? []
                : [.. select.OrderBy.Select(o => o.Expression is SqlColumn { Table: null } column && renamed.TryGetValue(column.Name, out var name) ? o with { Expression = new SqlColumn(null, name) } : o)],
        });
    }

    private void Add(DbtModelKind kind, string name, string path, string materialized, SqlStatement statement, TextLocation location, string what, string? description, ImmutableArray<DbtColumn> columns, IEnumerable<string?> files)
    {
        var text = SqlWriter.Write(statement, _spec, _diagnostics, location);
        if (text is null)
            return;
        var body = Placeholder.Render(DbtNames.EscapeJinja(StripTerminator(text)), out var refs, out var sources);
        var modelFiles = files.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        var file = DbtTemplates.Render(DbtTemplates.Model, new
        {
            comment = "--",
            what,
            dialect = _dialect,
            source = _sourceName,
            asOf = AsOfClause,
            files = modelFiles.Select(DbtNames.EscapeJinja),
            config = DbtNames.Config(materialized),
            sql = body,
        });
        _models.Add(new DbtModel(name, kind, "models/" + path, materialized, file, description, refs, sources, columns, modelFiles));
    }

    /// <summary>What headers add for <c>--as-of</c>: <c> as of 2026-06-30T00:00:00Z</c>, or nothing.</summary>
    private string AsOfClause => ProjectCompiler.AsOfClause(_context.AsOf);

    private static string StripTerminator(string sql)
    {
        var text = sql.TrimEnd('\n');
        return text.EndsWith(';') ? text[..^1] : text;
    }

    /// <summary>True when the view reads nothing the source lacks but columns it leaves out; reported as <c>compile</c> does (SMG3005, SMG3006).</summary>
    private bool IsAvailable(ViewSymbol view) => ProjectCompiler.LowerAvailableView(view, _sourceContext, _diagnostics) is not null;

    private static string? FileOf(TextLocation location) => location.Source is null ? null : location.Path.Replace('\\', '/');

    /// <summary>Reads columns of one alias under another: the staging model's columns are lowered for a view and read under the table's name.</summary>
    private sealed class ColumnTableRenamer(string from, string to) : Sql.Rewrites.SqlTreeRewriter
    {
        public override string Name => nameof(ColumnTableRenamer);

        public override string Description => "Renames the table of column references.";

        protected override SqlExpression RewriteNode(SqlExpression node) =>
            node is SqlColumn column && column.Table == from ? column with { Table = to } : node;
    }
}
