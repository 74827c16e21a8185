using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Planning;
using StripeModelGen.Compiler.Querying;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Emit;

/// <summary>
/// Compiles every artifact of a bound model for one dialect and source: a view per view, a query per
/// dashboard tile and per saved query. SQL text comes from <paramref name="write"/> (the dialect writer).
/// With <paramref name="asOf"/>, every read of the clock is that instant (<see cref="LoweringContext.AsOf"/>),
/// and each file's header says so.
/// </summary>
public static class ProjectCompiler
{
    public static CompiledProject Compile(BoundModel model, string dialect, string? source, Func<SqlStatement, string> write, DiagnosticBag diagnostics, DateTimeOffset? asOf = null)
    {
        var context = LoweringContext.For(model, source, dialect, asOf);
        var sourceName = source ?? model.Project.DefaultSource;
        var artifacts = ImmutableArray.CreateBuilder<CompiledArtifact>();
        foreach (var view in model.Views)
        {
            if (ReportUnavailable("View", view.Name, [view], context, view.Location, diagnostics))
                continue;
            var statement = SqlLowerer.LowerView(view, context);
            var columns = ((SqlSelect)statement.Query).Columns.Select(c => new ArtifactColumn(c.Alias, ColumnType(view, c.Alias))).ToImmutableArray();
            artifacts.Add(new CompiledArtifact("view", view.Name, $"views/{view.Name}.sql", Header("view", view.Name, context) + write(statement), string.Empty, columns, []));
        }
        foreach (var view in model.Views.Where(v => v.Publish is not null))
        {
            if (ReportUnavailable("View", view.Name, [view], context, view.Location, diagnostics))
                continue;
            var kind = view.Publish!.Kind;
            var columns = SqlLowerer.ViewColumnNames(view).Select(c => new ArtifactColumn(c, ColumnType(view, c))).ToImmutableArray();
            var sql = Header(kind, view.Name, context) + write(SqlLowerer.LowerPublished(view, context));
            artifacts.Add(new CompiledArtifact(kind, view.Name, $"{kind}/{view.Name}.sql", sql, string.Empty, columns, []));
        }
        foreach (var dashboard in model.Dashboards)
        {
            foreach (var tile in dashboard.Tiles)
            {
                var query = QueryBinder.ForTile(dashboard, tile);
                if (CompileQuery(query, context, write, diagnostics) is { } artifact)
                    artifacts.Add(artifact with { Path = $"tiles/{dashboard.Name}/{tile.Name}.sql" });
            }
        }
        foreach (var saved in model.Queries)
        {
            if (CompileQuery(QueryBinder.ForSavedQuery(saved), context, write, diagnostics) is { } artifact)
                artifacts.Add(artifact with { Path = $"queries/{saved.Name}.sql" });
        }
        return new CompiledProject(dialect, sourceName, artifacts.ToImmutable()) { AsOf = asOf };
    }

    /// <summary>Plans, lowers and writes one query; null (after diagnostics) when it cannot be planned.</summary>
    public static CompiledArtifact? CompileQuery(BoundQuery query, LoweringContext context, Func<SqlStatement, string> write, DiagnosticBag diagnostics)
    {
        if (QueryPlanner.Plan(query, diagnostics) is not { } plan)
            return null;
        var views = plan.Legs.SelectMany(l => l.Joins).Concat(plan.DimensionJoins).Select(j => j.View).Prepend(query.Explore.BaseView);
        var what = query.Kind switch { QueryBinder.TileKind => "Tile", QueryBinder.SavedQueryKind => "Query", _ => "The query" };
        if (ReportUnavailable(what, query.Name, views, context, query.Location, diagnostics))
            return null;
        var statement = SqlLowerer.Lower(plan, context, diagnostics);
        var columns = plan.Dimensions.Concat(plan.Measures).Select(f => new ArtifactColumn(f.QualifiedName, LogicalType(f))).ToImmutableArray();
        var sql = Header(query.Kind, query.Name, context) + write(statement);
        var parameters = SqlRendering.Parameters(statement, context.Dialect, query.Parameters);
        return new CompiledArtifact(query.Kind, query.Name, $"{query.Kind}/{query.Name}.sql", sql, PlanPrinter.Print(plan), columns, parameters);
    }

    /// <summary>True (after a warning) when a view the artifact reads has a table the selected source lacks.</summary>
    private static bool ReportUnavailable(string what, string name, IEnumerable<ViewSymbol> views, LoweringContext context, Text.TextLocation location, DiagnosticBag diagnostics)
    {
        if (context.Source is not { } source)
            return false;
        var missing = views.SelectMany(TableSources.LogicalTables).FirstOrDefault(t => !source.Tables.ContainsKey(t));
        if (missing is null)
            return false;
        diagnostics.Report(DiagnosticCatalog.UnavailableForSource, location, what, name, source.Name, missing);
        return true;
    }

    /// <summary><c>-- view charges: generated by stripe-modelgen for postgres over source sigma[ as of 2026-06-30T00:00:00Z]; do not edit.</c></summary>
    private static string Header(string kind, string name, LoweringContext context) =>
        $"-- {kind} {name}: generated by stripe-modelgen for {context.Dialect} over source {context.Source?.Name ?? context.Project.DefaultSource}{AsOfClause(context.AsOf)}; do not edit.\n";

    /// <summary><c> as of 2026-06-30T00:00:00Z</c> (the instant in UTC), or nothing without one: what headers add for <c>--as-of</c>.</summary>
    public static string AsOfClause(DateTimeOffset? asOf) => asOf is { } instant ? " as of " + Sql.AsOf.Format(instant) : string.Empty;

    private static string ColumnType(ViewSymbol view, string column) =>
        view.Find(column) is DimensionSymbol dimension
            ? LogicalType(new FieldReference(view.Name, dimension))
            : "number";

    /// <summary>string, number, money, boolean, date or timestamp.</summary>
    public static string LogicalType(FieldReference field)
    {
        if (field.Field is DimensionSymbol { Type: DimensionType.Money })
            return "money";
        if (field.Field is MeasureSymbol measure)
            return IsMoney(measure) ? "money" : "number";
        return field.Type switch
        {
            ScalarType.Boolean => "boolean",
            ScalarType.Number => "number",
            ScalarType.Date => "date",
            ScalarType.Timestamp => "timestamp",
            _ => "string",
        };
    }

    /// <summary>A measure is money when it aggregates money, or adds and subtracts money measures.</summary>
    private static bool IsMoney(MeasureSymbol measure) => measure.Type switch
    {
        MeasureType.Count or MeasureType.CountDistinct => false,
        MeasureType.Number => measure.Expression is { } formula && IsMoneyFormula(formula),
        _ => measure.Currency is not null,
    };

    private static bool IsMoneyFormula(BoundExpression expression) => expression switch
    {
        BoundFieldExpression { Reference.Field: MeasureSymbol measure } => IsMoney(measure),
        BoundBinary { Operator: Expressions.BinaryOperator.Add or Expressions.BinaryOperator.Subtract } binary => IsMoneyFormula(binary.Left) && IsMoneyFormula(binary.Right),
        BoundUnary { Operator: Expressions.UnaryOperator.Negate } unary => IsMoneyFormula(unary.Operand),
        BoundFunctionCall { Function.Name: "COALESCE" } call => call.Arguments.Any(IsMoneyFormula),
        _ => false,
    };
}
