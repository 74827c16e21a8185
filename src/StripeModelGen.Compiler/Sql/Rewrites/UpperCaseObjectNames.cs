namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// The names of warehouse objects in upper case: databases, schemas, tables and the columns read from
/// them, and a view's name and columns. For engines that store unquoted names in upper case (Snowflake):
/// the tables Stripe's pipelines create (<c>STRIPE.CHARGES</c>) are only found by an upper-case quoted
/// name, and a view created in upper case is found by unquoted names. The compiler's own names (aliases,
/// CTEs, the output columns of a query) keep their case. A column belongs to a table when its qualifier
/// is the alias of a table in the same SELECT's FROM or JOIN.
/// </summary>
public sealed class UpperCaseObjectNames : SqlTreeRewriter
{
    public override string Name => nameof(UpperCaseObjectNames);

    public override string Description => "database, schema, table, view and table column names in upper case";

    public override SqlStatement Apply(SqlStatement statement) => base.Apply(statement) switch
    {
        SqlCreateView view => view with { Database = Upper(view.Database), Schema = Upper(view.Schema), Name = Upper(view.Name)!, Query = UpperOutput(view.Query) },
        var rewritten => rewritten,
    };

    protected override SqlSelect RewriteSelect(SqlSelect select)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        if (select.From is SqlTable from)
            tables.Add(from.Alias);
        foreach (var join in select.Joins.IsDefault ? [] : select.Joins)
        {
            if (join.Source is SqlTable table)
                tables.Add(table.Alias);
        }
        if (tables.Count == 0)
            return select;
        SqlExpression Fold(SqlExpression e) => FoldColumns(e, tables);
        return select with
        {
            Columns = Map(select.Columns, c => c with { Expression = Fold(c.Expression) }),
            From = UpperTable(select.From),
            Joins = Map(select.Joins, j => j with
            {
                Source = j.Source is SqlSplitSource split ? split with { List = Fold(split.List) } : UpperTable(j.Source)!,
                Condition = j.Condition is null ? null : Fold(j.Condition),
            }),
            Where = select.Where is null ? null : Fold(select.Where),
            GroupBy = Map(select.GroupBy, Fold),
            Having = select.Having is null ? null : Fold(select.Having),
            OrderBy = Map(select.OrderBy, o => o with { Expression = Fold(o.Expression) }),
        };
    }

    private static SqlExpression FoldColumns(SqlExpression expression, HashSet<string> tables) => expression is SqlColumn { Table: { } table } column && tables.Contains(table)
        ? column with { Name = column.Name.ToUpperInvariant() }
        : SqlExpressionMap.Children(expression, e => FoldColumns(e, tables));

    private static SqlSource? UpperTable(SqlSource? source) => source is SqlTable table
        ? table with { Database = Upper(table.Database), Schema = Upper(table.Schema), Name = table.Name.ToUpperInvariant() }
        : source;

    private static SqlQuery UpperOutput(SqlQuery query) => query switch
    {
        SqlSelect select => select with { Columns = Map(select.Columns, c => c with { Alias = c.Alias.ToUpperInvariant() }) },
        SqlValues values => values with { Columns = [.. values.Columns.Select(c => c.ToUpperInvariant())] },
        SqlUnionAll union => union with { Queries = Map(union.Queries, UpperOutput) },
        _ => query,
    };

    private static string? Upper(string? name) => name?.ToUpperInvariant();
}
