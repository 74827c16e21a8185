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
            if (LowerAvailableView(view, context, diagnostics) is not { } statement)
                continue;
            var columns = ((SqlSelect)statement.Query).Columns.Select(c => new ArtifactColumn(c.Alias, ColumnType(view, c.Alias))).ToImmutableArray();
            artifacts.Add(new CompiledArtifact("view", view.Name, $"views/{view.Name}.sql", Header("view", view.Name, context) + write(statement), string.Empty, columns, []));
        }
        foreach (var view in model.Views.Where(v => v.Publish is not null))
        {
            var statement = SqlLowerer.LowerPublished(view, context);
            var kind = view.Publish!.Kind;
            if (IsUnavailable("View", view.Name, SourceGaps.First(statement), context, view.Location, diagnostics))
                continue;
            var columns = SqlLowerer.ViewColumnNames(view).Select(c => new ArtifactColumn(c, ColumnType(view, c))).ToImmutableArray();
            var sql = Header(kind, view.Name, context) + write(statement);
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
        // Warnings about SQL that is not written (the source lacks what it reads) would only distract.
        var lowering = new DiagnosticBag();
        var statement = SqlLowerer.Lower(plan, context, lowering);
        var what = query.Kind switch { QueryBinder.TileKind => "Tile", QueryBinder.SavedQueryKind => "Query", _ => "The query" };
        if (IsUnavailable(what, query.Name, SourceGaps.First(statement), context, query.Location, diagnostics))
            return null;
        diagnostics.AddRange(lowering.ToImmutableSorted());
        var columns = plan.Dimensions.Concat(plan.Measures).Select(f => new ArtifactColumn(f.QualifiedName, LogicalType(f))).ToImmutableArray();
        var sql = Header(query.Kind, query.Name, context) + write(statement);
        var parameters = SqlRendering.Parameters(statement, context.Dialect, query.Parameters);
        return new CompiledArtifact(query.Kind, query.Name, $"{query.Kind}/{query.Name}.sql", sql, PlanPrinter.Print(plan), columns, parameters);
    }

    /// <summary>
    /// A view's DDL over the selected source: the columns reading a column the source lacks are left out
    /// (SMG3006); null (after SMG3005) when it reads a table or column it cannot leave out, or nothing is left.
    /// </summary>
    public static SqlCreateView? LowerAvailableView(ViewSymbol view, LoweringContext context, DiagnosticBag diagnostics)
    {
        var leftOut = SqlLowerer.ColumnsLeftOut(view, context).ToList();
        var statement = SqlLowerer.LowerView(view, context, leftOut.Select(c => c.Column));
        var nothingLeft = leftOut.Count > 0 && ((SqlSelect)statement.Query).Columns.IsEmpty;
        if (IsUnavailable("View", view.Name, SourceGaps.First(statement) ?? (nothingLeft ? leftOut[0].Gap : null), context, view.Location, diagnostics))
            return null;
        foreach (var (column, gap) in leftOut)
            diagnostics.Report(DiagnosticCatalog.LeftOutForSource, view.Location, column, view.Name, context.Source?.Name ?? context.Project.DefaultSource, gap);
        return statement;
    }

    /// <summary>True (after a warning) when the artifact reads a <paramref name="gap"/>: a table or column the selected source lacks.</summary>
    public static bool IsUnavailable(string what, string name, string? gap, LoweringContext context, Text.TextLocation location, DiagnosticBag diagnostics)
    {
        if (gap is null)
            return false;
        diagnostics.Report(DiagnosticCatalog.UnavailableForSource, location, what, name, context.Source?.Name ?? context.Project.DefaultSource, gap);
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
