using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// Binds once each parameter a statement uses more than once, for engines that bind parameters by position
/// (Trino's <c>?</c>), where every occurrence would otherwise need its own value: a first CTE
/// <c>parameters</c> selects each such parameter once, under its own name, and every use reads it back
/// (<c>(SELECT "customer" FROM "parameters")</c>). The engine then expects one value per parameter, as it
/// does for named parameters. A CTE defined first is visible to every other one and to the main query.
/// </summary>
public sealed class ParametersBoundOnce : SqlRewrite
{
    private const string CteName = "parameters";

    private const string UnionAlias = "union_rows";

    public override string Name => nameof(ParametersBoundOnce);

    public override string Description => "a parameter used more than once is bound once, in a first CTE `parameters`";

    public override SqlStatement Apply(SqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var uses = new Uses();
        uses.Apply(statement);
        var repeated = uses.Order.Where(name => uses.Counts[name] > 1).ToImmutableArray();
        if (repeated.IsEmpty)
            return statement;
        var cte = Fresh(uses.CteNames);
        var read = new Reads(repeated.ToHashSet(StringComparer.Ordinal), cte).Apply(statement);
        var parameters = new SqlCte(cte, [], SqlSelect.Empty with
        {
            Columns = [.. repeated.Select(name => new SqlSelectItem(new SqlParameter(name), name))],
        });
        return read switch
        {
            SqlQueryStatement query => query with { Query = WithFirst(parameters, query.Query) },
            SqlCreateView view => view with { Query = WithFirst(parameters, view.Query) },
            _ => throw new NotSupportedException($"{Name} does not know statement {read.GetType().Name}"),
        };
    }

    private static string Fresh(HashSet<string> taken)
    {
        var name = CteName;
        for (var n = 2; taken.Contains(name); n++)
            name = $"{CteName}_{n}";
        return name;
    }

    /// <summary>The query with <paramref name="cte"/> as its first CTE; a UNION ALL or VALUES gets a top SELECT to hold it.</summary>
    private static SqlSelect WithFirst(SqlCte cte, SqlQuery query)
    {
        if (query is SqlSelect select)
            return select with { Ctes = [cte, .. select.Ctes.IsDefault ? [] : select.Ctes] };
        var columns = ColumnsOf(query);
        return SqlSelect.Empty with
        {
            Ctes = [cte],
            Columns = [.. columns.Select(c => new SqlSelectItem(new SqlColumn(UnionAlias, c), c))],
            From = new SqlDerivedTable(query, UnionAlias),
        };
    }

    private static ImmutableArray<string> ColumnsOf(SqlQuery query) => query switch
    {
        SqlSelect select => [.. select.Columns.Select(c => c.Alias)],
        SqlValues values => values.Columns,
        SqlUnionAll union => ColumnsOf(union.Queries[0]),
        _ => throw new NotSupportedException($"Unknown query {query.GetType().Name}"),
    };

    /// <summary>Counts each parameter's uses (names in order of first use) and collects every CTE name.</summary>
    private sealed class Uses : SqlTreeRewriter
    {
        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        public List<string> Order { get; } = [];

        public HashSet<string> CteNames { get; } = new(StringComparer.Ordinal);

        public override string Name => nameof(Uses);

        public override string Description => "counts parameter uses";

        protected override SqlExpression RewriteNode(SqlExpression node)
        {
            if (node is SqlParameter parameter)
            {
                if (!Counts.TryAdd(parameter.Name, 1))
                    Counts[parameter.Name]++;
                else
                    Order.Add(parameter.Name);
            }
            return node;
        }

        protected override SqlSelect RewriteSelect(SqlSelect select)
        {
            foreach (var cte in select.Ctes.IsDefault ? [] : select.Ctes)
                CteNames.Add(cte.Name);
            return select;
        }
    }

    /// <summary>Replaces each use of the repeated parameters with a read of the CTE's column.</summary>
    private sealed class Reads(HashSet<string> repeated, string cte) : SqlTreeRewriter
    {
        public override string Name => nameof(Reads);

        public override string Description => "reads parameters from their CTE";

        protected override SqlExpression RewriteNode(SqlExpression node) =>
            node is SqlParameter parameter && repeated.Contains(parameter.Name) ? new SqlCteValue(cte, parameter.Name) : node;
    }
}
