using System.Collections.Immutable;
using System.Globalization;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Planning;
using StripeModelGen.Compiler.Querying;

namespace StripeModelGen.Compiler.Sql;

/// <summary>
/// Turns a <see cref="QueryPlan"/> into a dialect-neutral SQL statement. A single direct leg is one
/// SELECT; several legs (or one that first reduces rows to one per primary key) become CTEs whose
/// results are stacked with <c>UNION ALL</c> and grouped on the dimensions, which combines them
/// with a plain hash aggregate and treats NULL dimension values as equal.
/// </summary>
public sealed class SqlLowerer
{
    private readonly LoweringContext _context;
    private readonly QueryPlan _plan;
    private readonly DiagnosticBag _diagnostics;
    private readonly ImmutableArray<FieldReference> _aggregated;
    private readonly TableSources _tables;
    private bool _usesCurrencies;

    private SqlLowerer(QueryPlan plan, LoweringContext context, DiagnosticBag diagnostics)
    {
        _plan = plan;
        _context = context;
        _diagnostics = diagnostics;
        _aggregated = [.. plan.Legs.SelectMany(l => l.Measures).Distinct()];
        _tables = new TableSources(context);
    }

    public static SqlQueryStatement Lower(QueryPlan plan, LoweringContext context, DiagnosticBag diagnostics) =>
        new SqlLowerer(plan, context, diagnostics).Lower();

    /// <summary>
    /// <c>CREATE VIEW</c> for a view: every visible dimension computed from the view's own table, under its
    /// own name, money in major units, times in UTC. Dimensions that read other views need an explore.
    /// </summary>
    /// <remarks>A column reading what the selected source lacks is left out (see <see cref="ColumnsLeftOut"/>).</remarks>
    public static SqlCreateView LowerView(ViewSymbol view, LoweringContext context) =>
        LowerView(view, context, ColumnsLeftOut(view, context).Select(c => c.Column));

    /// <summary><see cref="LowerView(ViewSymbol, LoweringContext)"/> leaving out the given columns (<see cref="ColumnsLeftOut"/>, already computed).</summary>
    public static SqlCreateView LowerView(ViewSymbol view, LoweringContext context, IEnumerable<string> leftOut) =>
        new(null, null, view.Name, ViewSelect(view, context, leftOut.ToHashSet(StringComparer.Ordinal)));

    /// <summary>
    /// The columns of a view's DDL that read a column the selected source does not have, each with that
    /// column described; <see cref="LowerView"/> leaves them out.
    /// </summary>
    public static IEnumerable<(string Column, string Gap)> ColumnsLeftOut(ViewSymbol view, LoweringContext context) =>
        context.Source is not { LacksColumns: true } ? [] : ViewSelect(view, context, new HashSet<string>()).Columns
            .Select(c => (c.Alias, Gap: SourceGaps.First(c.Expression)))
            .Where(c => c.Gap is not null)
            .Select(c => (c.Alias, c.Gap!));

    /// <summary>A published view (<c>publish:</c>): its columns as the view shows them, in its declared order.</summary>
    public static SqlQueryStatement LowerPublished(ViewSymbol view, LoweringContext context) =>
        new(ViewSelect(view, context, new HashSet<string>()) with
        {
            OrderBy = [.. view.Publish!.Sorts.Select(s => new SqlOrderItem(new SqlColumn(null, s.Field.Name), s.Descending, NullsFirst: false))],
        });

    /// <summary>
    /// A derived view's rows as a query of their own (what its CTE holds elsewhere): every dimension but
    /// durations, unscaled, under its own name; its sources are read as <paramref name="context"/> says.
    /// </summary>
    public static SqlQueryStatement LowerDerivedRows(ViewSymbol view, LoweringContext context)
    {
        var tables = new TableSources(context);
        var select = tables.Rows(view);
        return new SqlQueryStatement(select with { Ctes = [.. tables.Ctes, .. select.Ctes] });
    }

    private static SqlSelect ViewSelect(ViewSymbol view, LoweringContext context, ISet<string> leftOut)
    {
        var scope = new SelectScope();
        var lowerer = new ExpressionLowerer(context, scope);
        var tables = new TableSources(context);
        var from = tables.Source(view, view.Name);
        var columns = ImmutableArray.CreateBuilder<SqlSelectItem>();
        foreach (var dimension in ViewColumns(view))
        {
            IEnumerable<FieldReference> shown = dimension.Type == DimensionType.Duration
                ? dimension.Intervals.Select(i => new FieldReference(view.Name, dimension, null, i))
                : [new FieldReference(view.Name, dimension)];
            foreach (var reference in shown.Where(r => !leftOut.Contains(r.Name)))
                columns.Add(new SqlSelectItem(lowerer.Output(reference), reference.Name));
        }
        return SqlSelect.Empty with
        {
            Ctes = [.. scope.UsesCurrencies ? [CurrencyExponents.Table()] : Array.Empty<SqlCte>(), .. tables.Ctes],
            Columns = columns.ToImmutable(),
            From = from,
            Joins = scope.CurrencyJoins,
        };
    }

    /// <summary>The column names of a view's DDL, in order.</summary>
    public static IEnumerable<string> ViewColumnNames(ViewSymbol view) =>
        ViewColumns(view).SelectMany(d => d.Type == DimensionType.Duration
            ? d.Intervals.Select(i => new FieldReference(view.Name, d, null, i).Name)
            : [d.Name]);

    /// <summary>The dimensions a view's DDL shows: visible (or its key) and computed from its own table alone.</summary>
    public static IEnumerable<DimensionSymbol> ViewColumns(ViewSymbol view) =>
        view.Dimensions.Where(d => (!d.Hidden || d.IsPrimaryKey)
            && (view.Derived is not null || FieldDependencies.Aliases(new FieldReference(view.Name, d)).All(alias => alias == view.Name)));

    private SqlQueryStatement Lower()
    {
        var select = _plan.IsSingleLeg ? SingleSelect() : CombinedLegs();
        var shared = (_usesCurrencies ? [CurrencyExponents.Table()] : Array.Empty<SqlCte>()).Concat(_tables.Ctes);
        return new SqlQueryStatement(select with { Ctes = [.. shared, .. select.Ctes] });
    }

    private SqlSelect SingleSelect()
    {
        var leg = _plan.Legs[0];
        var scope = new SelectScope();
        var aggregates = new Dictionary<FieldReference, SqlExpression>();
        var lowerer = new ExpressionLowerer(_context, scope) { MeasureResolver = m => aggregates[m] };
        foreach (var measure in leg.Measures)
            aggregates[measure] = Aggregate(measure, lowerer);

        var columns = _plan.Dimensions.Select(d => new SqlSelectItem(lowerer.Output(d), d.QualifiedName))
            .Concat(_plan.Measures.Select(m => new SqlSelectItem(MeasureOutput(m, lowerer, aggregates), m.QualifiedName)))
            .ToImmutableArray();
        var having = And(_plan.GroupFilters.Select(f => FilterCondition(f, m => MeasureOutput(m, lowerer, aggregates))));
        var where = RowConditions(lowerer);
        _usesCurrencies |= scope.UsesCurrencies;
        return SqlSelect.Empty with
        {
            Columns = columns,
            From = _tables.Source(_plan.Query.Explore.BaseView, _plan.Query.Explore.BaseView.Name),
            Joins = [.. leg.Joins.Select(j => _tables.Join(j, lowerer)), .. scope.CurrencyJoins],
            Where = where,
            GroupBy = leg.Measures.IsEmpty && _plan.Dimensions.IsEmpty ? [] : [.. _plan.Dimensions.Select(lowerer.Output)],
            Having = having,
            OrderBy = OrderBy(),
            Limit = _plan.Limit,
        };
    }

    private SqlSelect CombinedLegs()
    {
        var ctes = ImmutableArray.CreateBuilder<SqlCte>();
        var branches = ImmutableArray.CreateBuilder<SqlQuery>();
        for (var i = 0; i < _plan.Legs.Length; i++)
        {
            var leg = _plan.Legs[i];
            var name = $"leg_{i + 1}";
            ctes.AddRange(leg.Strategy == LegStrategy.Direct ? [DirectLeg(leg, name)] : PerKeyLeg(leg, name));
            branches.Add(SqlSelect.Empty with
            {
                Columns = [.. DimensionColumns().Select(d => new SqlSelectItem(new SqlColumn(name, d), d)),
                           .. _aggregated.Select((m, k) => new SqlSelectItem(leg.Measures.Contains(m) ? new SqlColumn(name, MeasureColumn(k)) : TypedNull(m), MeasureColumn(k)))],
                From = new SqlCteReference(name, name),
            });
        }

        const string legs = "legs";
        var combined = new Dictionary<FieldReference, SqlExpression>();
        for (var k = 0; k < _aggregated.Length; k++)
            combined[_aggregated[k]] = new SqlFunction("MAX", [new SqlColumn(legs, MeasureColumn(k))]);
        var lowerer = new ExpressionLowerer(_context, new SelectScope()) { MeasureResolver = m => combined[m] };
        var dimensionColumns = DimensionColumns().Select(d => (SqlExpression)new SqlColumn(legs, d)).ToImmutableArray();
        var source = branches.Count == 1 ? branches[0] : new SqlUnionAll(branches.ToImmutable());
        return SqlSelect.Empty with
        {
            Ctes = ctes.ToImmutable(),
            Columns = [.. _plan.Dimensions.Select((d, j) => new SqlSelectItem(dimensionColumns[j], d.QualifiedName)),
                       .. _plan.Measures.Select(m => new SqlSelectItem(MeasureOutput(m, lowerer, combined), m.QualifiedName))],
            From = new SqlDerivedTable(source, legs),
            GroupBy = dimensionColumns,
            Having = And(_plan.GroupFilters.Select(f => FilterCondition(f, m => MeasureOutput(m, lowerer, combined)))),
            OrderBy = OrderBy(),
            Limit = _plan.Limit,
        };
    }

    private SqlCte DirectLeg(AggregationLeg leg, string name)
    {
        var scope = new SelectScope();
        var lowerer = new ExpressionLowerer(_context, scope);
        var dimensions = _plan.Dimensions.Select(lowerer.Output).ToImmutableArray();
        var measures = leg.Measures.Select(m => new SqlSelectItem(Aggregate(m, lowerer), MeasureColumn(_aggregated.IndexOf(m)))).ToList();
        return new SqlCte(name, [], LegSelect(leg, scope, lowerer, dimensions, measures, []));
    }

    /// <summary>Rows reduced to one per (dimensions, primary key) first, so the join's repetitions count once; then aggregated.</summary>
    private SqlCte[] PerKeyLeg(AggregationLeg leg, string name)
    {
        var scope = new SelectScope();
        var lowerer = new ExpressionLowerer(_context, scope);
        var view = _plan.Query.Explore.ViewOf(leg.GrainAlias!)!;
        var key = lowerer.Value(new FieldReference(leg.GrainAlias!, view.PrimaryKey!));
        var dimensions = _plan.Dimensions.Select(lowerer.Output).ToImmutableArray();
        var values = leg.Measures.Select(m =>
        {
            var value = lowerer.MeasureValue(m) ?? key;
            var condition = MeasureCondition(m, lowerer);
            var kept = condition is null ? value : new SqlCase([new SqlWhen(condition, value)], null);
            return new SqlSelectItem(new SqlFunction("MAX", [kept]), ValueColumn(_aggregated.IndexOf(m)));
        }).ToList();
        var rowsName = name + "_rows";
        var rows = new SqlCte(rowsName, [], LegSelect(leg, scope, lowerer, dimensions, values, [new SqlSelectItem(key, "grain_key")]));

        var dimensionColumns = DimensionColumns().Select(d => (SqlExpression)new SqlColumn(rowsName, d)).ToImmutableArray();
        var aggregated = SqlSelect.Empty with
        {
            Columns = [.. DimensionColumns().Select((d, j) => new SqlSelectItem(dimensionColumns[j], d)),
                       .. leg.Measures.Select(m => new SqlSelectItem(
                           AggregateOf((MeasureSymbol)m.Field, new SqlColumn(rowsName, ValueColumn(_aggregated.IndexOf(m))), null),
                           MeasureColumn(_aggregated.IndexOf(m))))],
            From = new SqlCteReference(rowsName, rowsName),
            GroupBy = dimensionColumns,
        };
        return [rows, new SqlCte(name, [], aggregated)];
    }

    private SqlSelect LegSelect(AggregationLeg leg, SelectScope scope, ExpressionLowerer lowerer, ImmutableArray<SqlExpression> dimensions, List<SqlSelectItem> values, ImmutableArray<SqlSelectItem> extraKeys)
    {
        var where = RowConditions(lowerer);
        var joins = leg.Joins.Select(j => _tables.Join(j, lowerer)).ToList();
        _usesCurrencies |= scope.UsesCurrencies;
        return SqlSelect.Empty with
        {
            Columns = [.. DimensionColumns().Select((d, j) => new SqlSelectItem(dimensions[j], d)), .. extraKeys, .. values],
            From = _tables.Source(_plan.Query.Explore.BaseView, _plan.Query.Explore.BaseView.Name),
            Joins = [.. joins, .. scope.CurrencyJoins],
            Where = where,
            GroupBy = [.. dimensions, .. extraKeys.Select(k => k.Expression)],
        };
    }

    private IEnumerable<string> DimensionColumns() => _plan.Dimensions.Select((_, j) => $"d_{j + 1}");

    private static string MeasureColumn(int index) => $"m_{index + 1}";

    private static string ValueColumn(int index) => $"v_{index + 1}";

    private SqlExpression? RowConditions(ExpressionLowerer lowerer)
    {
        var conditions = _plan.RowFilters.Select(f => FilterCondition(f, lowerer.FilterValue)).ToList();
        if (_plan.Query.Explore.SqlAlwaysWhere is { } always)
            conditions.Insert(0, lowerer.Lower(always, null));
        return And(conditions);
    }

    private SqlExpression Aggregate(FieldReference measure, ExpressionLowerer lowerer) =>
        AggregateOf((MeasureSymbol)measure.Field, lowerer.MeasureValue(measure), MeasureCondition(measure, lowerer));

    /// <summary>The aggregate a measure type stands for, over a value (null: count rows) and an optional row condition.</summary>
    private static SqlExpression AggregateOf(MeasureSymbol measure, SqlExpression? value, SqlExpression? condition)
    {
        ImmutableArray<SqlExpression> arguments = value is null ? [] : [value];
        return measure.Type switch
        {
            MeasureType.Count => new SqlFunction("COUNT", arguments, Star: value is null, Filter: condition),
            MeasureType.CountDistinct => new SqlFunction("COUNT", arguments, Distinct: true, Filter: condition),
            MeasureType.Sum => new SqlFunction("SUM", arguments, Filter: condition),
            MeasureType.Average => new SqlFunction("AVG", arguments, Filter: condition),
            MeasureType.Min => new SqlFunction("MIN", arguments, Filter: condition),
            MeasureType.Max => new SqlFunction("MAX", arguments, Filter: condition),
            MeasureType.Median => new SqlFunction("MEDIAN", arguments, Filter: condition),
            MeasureType.Percentile => new SqlFunction("PERCENTILE", [.. arguments, SqlLiteral.Number(measure.Percentile ?? 50)], Filter: condition),
            _ => throw new InvalidOperationException($"{measure} of type number has no aggregate of its own"),
        };
    }

    private SqlExpression? MeasureCondition(FieldReference measure, ExpressionLowerer lowerer)
    {
        var symbol = (MeasureSymbol)measure.Field;
        return And(symbol.Filters.Select(f =>
        {
            var field = f.Field with { Alias = measure.Alias };
            return FilterCondition(new QueryFilter(field, f.Filter, null, f.ValueLocation), lowerer.FilterValue);
        }));
    }

    private static SqlExpression MeasureOutput(FieldReference measure, ExpressionLowerer lowerer, Dictionary<FieldReference, SqlExpression> aggregates) =>
        measure.Field is MeasureSymbol { Type: MeasureType.Number } number
            ? lowerer.Lower(number.DialectExpressions.GetValueOrDefault(lowerer.Dialect) ?? number.Expression!, measure)
            : aggregates[measure];

    private static SqlExpression TypedNull(FieldReference measure)
    {
        var symbol = (MeasureSymbol)measure.Field;
        var type = symbol.Type is MeasureType.Min or MeasureType.Max ? symbol.Expression?.Type ?? ScalarType.Number : ScalarType.Number;
        return type is ScalarType.Any or ScalarType.Error or ScalarType.Null ? SqlLiteral.Null : new SqlCast(SqlLiteral.Null, type);
    }

    private ImmutableArray<SqlOrderItem> OrderBy() =>
        [.. _plan.Sorts.Select(s => new SqlOrderItem(new SqlColumn(null, s.Field.QualifiedName), s.Descending, s.NullsFirst))];

    /// <summary>
    /// The condition of a filter on the value <paramref name="valueOf"/> gives each of its fields; on several
    /// fields, the OR of their conditions (null, matching everything, when one of them is).
    /// </summary>
    private SqlExpression? FilterCondition(QueryFilter filter, Func<FieldReference, SqlExpression> valueOf)
    {
        SqlExpression? result = null;
        foreach (var field in filter.Fields)
        {
            var value = valueOf(field);
            var condition = filter.Parameter is { } parameter
                ? FilterLowerer.LowerParameter(FilterKinds.Of(field.Type), value, parameter, field.IsCaseInsensitive)
                : FilterLowerer.Lower(filter.Filter!, value, new FilterLoweringContext(_context.Today(), _context.Project.WeekStart), field.IsCaseInsensitive);
            if (condition is null)
                return null;
            result = result is null ? condition : new SqlBinary(BinaryOperator.Or, result, condition);
        }
        return result;
    }

    private static SqlExpression? And(IEnumerable<SqlExpression?> conditions)
    {
        SqlExpression? result = null;
        foreach (var condition in conditions.OfType<SqlExpression>())
            result = result is null ? condition : new SqlBinary(BinaryOperator.And, result, condition);
        return result;
    }
}
