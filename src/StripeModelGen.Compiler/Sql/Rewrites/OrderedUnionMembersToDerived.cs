namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// A UNION ALL member with a row limit becomes <c>SELECT * FROM (member) AS "union_member"</c>, and one
/// with an ORDER BY but no limit loses the ORDER BY (it never ordered the union's rows), for engines that
/// take neither in a parenthesised member (SQL Server, where an ORDER BY belongs to a TOP in a derived table).
/// </summary>
public sealed class OrderedUnionMembersToDerived : SqlTreeRewriter
{
    private const string Alias = "union_member";

    public override string Name => nameof(OrderedUnionMembersToDerived);

    public override string Description => "a UNION ALL member with ORDER BY and a limit is read from a derived table";

    public override SqlStatement Apply(SqlStatement statement) => base.Apply(statement) switch
    {
        SqlQueryStatement query when Member(query.Query, top: true) is var q && !ReferenceEquals(q, query.Query) => query with { Query = q },
        SqlCreateView view when Member(view.Query, top: true) is var q && !ReferenceEquals(q, view.Query) => view with { Query = q },
        var other => other,
    };

    protected override SqlSelect RewriteSelect(SqlSelect select)
    {
        var from = select.From is SqlDerivedTable derived && Member(derived.Query, top: true) is var q && !ReferenceEquals(q, derived.Query) ? derived with { Query = q } : select.From;
        var joins = Map(select.Joins, j => j.Source is SqlDerivedTable d && Member(d.Query, top: true) is var dq && !ReferenceEquals(dq, d.Query) ? j with { Source = d with { Query = dq } } : j);
        var ctes = Map(select.Ctes, c => Member(c.Query, top: true) is var cq && !ReferenceEquals(cq, c.Query) ? c with { Query = cq } : c);
        return ReferenceEquals(from, select.From) && joins == select.Joins && ctes == select.Ctes ? select : select with { From = from, Joins = joins, Ctes = ctes };
    }

    /// <summary>The members of a UNION ALL without ORDER BY or a limit of their own.</summary>
    private static SqlQuery Member(SqlQuery query, bool top)
    {
        switch (query)
        {
            case SqlUnionAll union:
                return Map(union.Queries, q => Member(q, top: false)) is var queries && queries != union.Queries ? union with { Queries = queries } : union;
            case SqlSelect select when !top && select.Limit is not null:
                return SqlSelect.Empty with
                {
                    Columns = [.. select.Columns.Select(c => new SqlSelectItem(new SqlColumn(Alias, c.Alias), c.Alias))],
                    From = new SqlDerivedTable(select, Alias),
                };
            case SqlSelect select when !top && !select.OrderBy.IsDefaultOrEmpty:
                return select with { OrderBy = [] };
            default:
                return query;
        }
    }
}
