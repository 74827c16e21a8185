using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// Moves every WITH below the statement's top SELECT (in a derived table, a UNION ALL member, a CTE's own
/// query) up to the top, for engines that only take WITH at the start of a statement or of a subquery in
/// FROM (SQL Server allows it nowhere else; Trino not inside a parenthesised UNION member). CTEs cannot see
/// their surroundings, so hoisting keeps the meaning: a CTE lands right before the top-level CTE (or the
/// main query) that contained it, and one whose name is taken is renamed (<c>name_2</c>) together with the
/// references to it in the query that declared it. A statement that is a UNION ALL gets a top SELECT of its
/// own when something must be hoisted.
/// </summary>
public sealed class CtesToTop : SqlRewrite
{
    private const string UnionAlias = "union_rows";

    public override string Name => nameof(CtesToTop);

    public override string Description => "nested `WITH` clauses move to the top of the statement";

    public override SqlStatement Apply(SqlStatement statement) => statement switch
    {
        SqlQueryStatement query => Top(query.Query) is var top && ReferenceEquals(top, query.Query) ? query : query with { Query = top },
        SqlCreateView view => Top(view.Query) is var top && ReferenceEquals(top, view.Query) ? view : view with { Query = top },
        null => throw new ArgumentNullException(nameof(statement)),
        _ => throw new NotSupportedException($"{Name} does not know statement {statement.GetType().Name}"),
    };

    private static SqlQuery Top(SqlQuery query)
    {
        if (!HasNested(query, top: true))
            return query;
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (query is SqlSelect select)
        {
            foreach (var cte in select.Ctes.IsDefault ? [] : select.Ctes)
                names.Add(cte.Name);
            var ctes = new List<SqlCte>();
            foreach (var cte in select.Ctes.IsDefault ? [] : select.Ctes)
            {
                var hoisted = new List<SqlCte>();
                var body = Hoist(cte.Query, hoisted, names);
                ctes.AddRange(hoisted);
                ctes.Add(cte with { Query = body });
            }
            var main = new List<SqlCte>();
            var rest = (SqlSelect)Hoist(select with { Ctes = [] }, main, names);
            ctes.AddRange(main);
            return rest with { Ctes = [.. ctes] };
        }
        // A UNION ALL (or VALUES) statement: a top SELECT over it holds the CTEs.
        var all = new List<SqlCte>();
        var inner = Hoist(query, all, names);
        var columns = ColumnsOf(inner);
        return SqlSelect.Empty with
        {
            Ctes = [.. all],
            Columns = [.. columns.Select(c => new SqlSelectItem(new SqlColumn(UnionAlias, c), c))],
            From = new SqlDerivedTable(inner, UnionAlias),
        };
    }

    private static ImmutableArray<string> ColumnsOf(SqlQuery query) => query switch
    {
        SqlSelect select => [.. select.Columns.Select(c => c.Alias)],
        SqlValues values => values.Columns,
        SqlUnionAll union => ColumnsOf(union.Queries[0]),
        _ => throw new NotSupportedException($"Unknown query {query.GetType().Name}"),
    };

    private static bool HasNested(SqlQuery query, bool top) => query switch
    {
        SqlSelect select => (!top && !select.Ctes.IsDefaultOrEmpty)
            || (!select.Ctes.IsDefault && select.Ctes.Any(c => HasNested(c.Query, top: false)))
            || Sources(select).Any(s => s is SqlDerivedTable derived && HasNested(derived.Query, top: false)),
        SqlUnionAll union => union.Queries.Any(q => HasNested(q, top: false)),
        _ => false,
    };

    private static IEnumerable<SqlSource> Sources(SqlSelect select) =>
        (select.From is null ? [] : new[] { select.From }).Concat(select.Joins.IsDefault ? [] : select.Joins.Select(j => j.Source));

    /// <summary>The query without nested WITH clauses; theirs are added to <paramref name="hoisted"/>, inner ones first.</summary>
    private static SqlQuery Hoist(SqlQuery query, List<SqlCte> hoisted, HashSet<string> names)
    {
        switch (query)
        {
            case SqlSelect select:
            {
                var renames = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var cte in select.Ctes.IsDefault ? [] : select.Ctes)
                {
                    var body = Hoist(Renamed(cte.Query, renames), hoisted, names);
                    var name = Fresh(cte.Name, names);
                    if (name != cte.Name)
                        renames[cte.Name] = name;
                    hoisted.Add(cte with { Name = name, Query = body });
                }
                var from = select.From is null ? null : Source(Renamed(select.From, renames), hoisted, names);
                var joins = select.Joins.IsDefault
                    ? select.Joins
                    : [.. select.Joins.Select(j => j with { Source = Source(Renamed(j.Source, renames), hoisted, names) })];
                return select with { Ctes = [], From = from, Joins = joins };
            }
            case SqlUnionAll union:
                return union with { Queries = [.. union.Queries.Select(q => Hoist(q, hoisted, names))] };
            default:
                return query;
        }
    }

    private static SqlSource Source(SqlSource source, List<SqlCte> hoisted, HashSet<string> names) =>
        source is SqlDerivedTable derived ? derived with { Query = Hoist(derived.Query, hoisted, names) } : source;

    private static string Fresh(string name, HashSet<string> names)
    {
        var candidate = name;
        for (var n = 2; !names.Add(candidate); n++)
            candidate = $"{name}_{n}";
        return candidate;
    }

    /// <summary>References to renamed CTEs in a query, down to where another WITH takes the name again.</summary>
    private static SqlQuery Renamed(SqlQuery query, Dictionary<string, string> renames)
    {
        if (renames.Count == 0)
            return query;
        switch (query)
        {
            case SqlSelect select:
            {
                var shadowed = select.Ctes.IsDefault ? [] : select.Ctes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                var visible = renames.Where(r => !shadowed.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
                return select with
                {
                    Ctes = select.Ctes.IsDefault ? select.Ctes : [.. select.Ctes.Select(c => c with { Query = Renamed(c.Query, renames) })],
                    From = select.From is null ? null : Renamed(select.From, visible),
                    Joins = select.Joins.IsDefault ? select.Joins : [.. select.Joins.Select(j => j with { Source = Renamed(j.Source, visible) })],
                };
            }
            case SqlUnionAll union:
                return union with { Queries = [.. union.Queries.Select(q => Renamed(q, renames))] };
            default:
                return query;
        }
    }

    private static SqlSource Renamed(SqlSource source, Dictionary<string, string> renames) => source switch
    {
        SqlCteReference reference when renames.TryGetValue(reference.Name, out var name) => reference with { Name = name },
        SqlDerivedTable derived => derived with { Query = Renamed(derived.Query, renames) },
        _ => source,
    };
}
