namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>WITH t (a, b) AS (VALUES ...)</c> → <c>WITH t (a, b) AS (SELECT "values"."a", "values"."b" FROM
/// (VALUES ...) AS "values" (a, b))</c>, for engines where VALUES is only a table in FROM, not a query
/// (Snowflake, SQL Server). Derived tables and whole statements already read VALUES through FROM.
/// </summary>
public sealed class ValuesToSelect : SqlTreeRewriter
{
    private const string Alias = "values";

    public override string Name => nameof(ValuesToSelect);

    public override string Description => "a CTE of `VALUES` rows becomes a SELECT from them";

    protected override SqlSelect RewriteSelect(SqlSelect select)
    {
        var ctes = Map(select.Ctes, cte => cte.Query is SqlValues values ? cte with { Query = FromValues(values) } : cte);
        return ctes == select.Ctes ? select : select with { Ctes = ctes };
    }

    private static SqlSelect FromValues(SqlValues values) => SqlSelect.Empty with
    {
        Columns = [.. values.Columns.Select(c => new SqlSelectItem(new SqlColumn(Alias, c), c))],
        From = new SqlDerivedTable(values, Alias),
    };
}
