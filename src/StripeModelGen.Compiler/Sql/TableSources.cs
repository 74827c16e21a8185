using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql;

/// <summary>
/// What a view is read from in one statement: its physical table under the selected source, or, for a
/// derived view, a CTE computing its rows. CTEs are built once per statement, each after the CTEs it
/// reads, and are put at the head of the statement. For dbt, <see cref="LoweringContext.StagingRelation"/>
/// and <see cref="LoweringContext.DerivedRelation"/> replace tables and derived views by the models holding them.
/// </summary>
internal sealed class TableSources(LoweringContext context)
{
    private readonly List<SqlCte> _ctes = [];
    private readonly HashSet<ViewSymbol> _built = [];

    public ImmutableArray<SqlCte> Ctes => [.. _ctes];

    public SqlSource Source(ViewSymbol view, string alias)
    {
        if (view.ComputesWindows)
        {
            BuildWindowed(view);
            return new SqlCteReference(WindowedName(view), alias);
        }
        return Table(view, alias);
    }

    /// <summary>The column a window dimension is computed into.</summary>
    public static string WindowColumn(DimensionSymbol dimension) => dimension.Name + "__window";

    private static string WindowedName(ViewSymbol view) => view.Name + "__rows";

    /// <summary>A view's rows with its window dimensions computed over the whole table, before any query filter.</summary>
    private void BuildWindowed(ViewSymbol view)
    {
        if (!_built.Add(view))
            return;
        var lowerer = new ExpressionLowerer(context, new SelectScope()) { InlineView = view };
        var mapping = context.Source?.Tables.GetValueOrDefault(view.Table ?? view.Name);
        var columns = view.ColumnsRead
            .Where(c => mapping is null || !mapping.Lacks(c))
            .Select(c => new SqlSelectItem(lowerer.Lower(new BoundColumn(view, c, view.Location), null), c))
            .Concat(view.Dimensions.Where(d => d.HasWindow).Select(d => new SqlSelectItem(lowerer.Value(new FieldReference(view.Name, d)), WindowColumn(d))))
            .ToImmutableArray();
        _ctes.Add(new SqlCte(WindowedName(view), [], SqlSelect.Empty with { Columns = columns, From = Table(view, view.Name) }));
    }

    private SqlSource Table(ViewSymbol view, string alias)
    {
        if (view.Derived is not null && context.DerivedRelation?.Invoke(view) is { } relation)
            return new SqlRawSource(relation, alias);
        if (view.Derived is null)
        {
            var logical = view.Table ?? view.Name;
            var mapping = context.Source?.Tables.GetValueOrDefault(logical);
            if (context.Source is not null && mapping is null)
                return new SqlMissingTable(logical, alias);
            if (context.StagingRelation is { } staging)
                return new SqlRawSource(staging(logical), alias);
            var table = new SqlTable(context.Source?.Database, context.Source?.Schema, mapping?.Table ?? logical, alias);
            return mapping is { Where.IsEmpty: false } ? new SqlDerivedTable(KeptRows(view, mapping, table with { Alias = logical }), alias) : table;
        }
        Build(view);
        return new SqlCteReference(view.Name, alias);
    }

    /// <summary>
    /// The rows of a table the source reads only some of (<c>where:</c>), with the physical columns the view
    /// reads, so that the view's columns are read from it as from the table itself.
    /// </summary>
    public static SqlSelect KeptRows(ViewSymbol view, SourceTableSymbol mapping, SqlSource table) =>
        SqlSelect.Empty with
        {
            Columns = [.. view.ColumnsRead.Where(c => !mapping.Lacks(c))
                .Select(c => mapping.Columns.GetValueOrDefault(c)?.Column ?? c)
                .Distinct(StringComparer.Ordinal)
                .Select(c => new SqlSelectItem(new SqlColumn(table.Alias, c), c))],
            From = table,
            Where = RowCondition(mapping, table.Alias),
        };

    /// <summary>The conjunction of a source table's <c>where:</c> conditions on its physical columns; null when it has none.</summary>
    public static SqlExpression? RowCondition(SourceTableSymbol mapping, string alias) =>
        mapping.Where
            .Select(c => (SqlExpression)new SqlBinary(BinaryOperator.Equal, new SqlColumn(alias, c.Column), c.Value switch
            {
                bool b => b ? SqlLiteral.True : SqlLiteral.False,
                decimal d => SqlLiteral.Number(d),
                var other => SqlLiteral.String((string)other),
            }))
            .Aggregate((SqlExpression?)null, (all, next) => all is null ? next : new SqlBinary(BinaryOperator.And, all, next));

    public SqlJoin Join(JoinSymbol join, ExpressionLowerer lowerer)
    {
        var type = join.Type switch
        {
            JoinType.Inner => SqlJoinType.Inner,
            JoinType.FullOuter => SqlJoinType.Full,
            JoinType.Cross => SqlJoinType.Cross,
            _ => SqlJoinType.Left,
        };
        return new SqlJoin(type, Source(join.View, join.Name), join.SqlOn is null ? null : lowerer.Lower(join.SqlOn, null));
    }

    /// <summary>The tables (logical names) a view reads, through derived views.</summary>
    public static IEnumerable<string> LogicalTables(ViewSymbol view) =>
        view.Derived is { } derived ? derived.Sources.SelectMany(LogicalTables).Distinct() : [view.Table ?? view.Name];

    private void Build(ViewSymbol view)
    {
        if (!_built.Add(view))
            return;
        var select = Rows(view);
        _ctes.Add(new SqlCte(view.Name, [], select));
    }

    /// <summary>
    /// The SELECT computing a derived view's rows (what its CTE holds): every dimension but durations, under
    /// its own name. Its sources are read through <see cref="Source"/>, so the CTEs they need join <see cref="Ctes"/>.
    /// </summary>
    public SqlSelect Rows(ViewSymbol view)
    {
        var derived = view.Derived ?? throw new ArgumentException($"View {view.Name} is not derived", nameof(view));
        var lowerer = new ExpressionLowerer(context, new SelectScope()) { InlineView = view };
        var from = Source(derived.From, derived.From.Name);
        var joins = derived.Joins.Select(j => Join(j, lowerer))
            .Concat(derived.Splits.Select(s => new SqlJoin(SqlJoinType.Cross, new SqlSplitSource(lowerer.Lower(s.List, null), s.Separator, s.Name), null)))
            .ToImmutableArray();
        // Empty elements (a trailing separator, an empty string) are no rows.
        var where = derived.Where is null ? null : lowerer.Lower(derived.Where, null);
        foreach (var split in derived.Splits)
        {
            var nonEmpty = new SqlBinary(BinaryOperator.NotEqual, new SqlSplitValue(split.Name), SqlLiteral.String(""));
            where = where is null ? nonEmpty : new SqlBinary(BinaryOperator.And, where, nonEmpty);
        }
        var columns = view.Dimensions
            .Where(d => d.Type != DimensionType.Duration)
            .Select(d => new SqlSelectItem(lowerer.Value(new FieldReference(view.Name, d)), d.Name))
            .ToImmutableArray();
        return SqlSelect.Empty with
        {
            Columns = columns,
            From = from,
            Joins = joins,
            Where = where,
            GroupBy = derived.GroupBy is { } groupBy ? [.. groupBy.Select(d => lowerer.Value(new FieldReference(view.Name, d)))] : [],
        };
    }
}
