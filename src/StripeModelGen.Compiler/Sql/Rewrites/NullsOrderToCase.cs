using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>ORDER BY x NULLS LAST</c> → <c>ORDER BY CASE WHEN x IS NULL THEN 1 ELSE 0 END, x</c> (and
/// <c>THEN 0 ELSE 1</c> for NULLS FIRST), for engines without <c>NULLS FIRST/LAST</c> (SQL Server). Exact
/// whatever the engine's own NULL order, since the key puts every NULL before or after every value.
/// In a SELECT's ORDER BY, a key naming an output column (<c>"charges.gross"</c>) is expanded to that
/// column's expression inside the CASE, since engines (SQL Server) only resolve output names that stand
/// alone. A SELECT DISTINCT, whose ORDER BY may only name output columns, is ordered from outside.
/// Window ORDER BYs are rewritten the same way.
/// </summary>
public sealed class NullsOrderToCase : SqlTreeRewriter
{
    public override string Name => nameof(NullsOrderToCase);

    public override string Description => "`x NULLS LAST` becomes `CASE WHEN x IS NULL THEN 1 ELSE 0 END, x`";

    protected override SqlExpression RewriteNode(SqlExpression node) =>
        node is SqlFunction { Window: { } window } function && window.OrderBy.Any(o => o.NullsFirst is not null)
            ? function with { Window = window with { OrderBy = Expand(window.OrderBy, e => e) } }
            : node;

    protected override SqlSelect RewriteSelect(SqlSelect select)
    {
        if (select.OrderBy.IsDefaultOrEmpty || select.OrderBy.All(o => o.NullsFirst is null))
            return select;
        if (select.Distinct)
            return Wrapped(select) ?? select;
        return select with { OrderBy = Expand(select.OrderBy, e => Resolve(e, select)) };
    }

    /// <summary>
    /// A SELECT DISTINCT may only order by its output columns, and the NULL keys are not among them: it
    /// moves into a derived table, ordered (and limited) outside by its columns. Null when an order key is
    /// not an output column (then nothing can be done without a guess).
    /// </summary>
    private static SqlSelect? Wrapped(SqlSelect select)
    {
        const string rows = "distinct_rows";
        if (select.Columns.Select(c => c.Alias).Distinct(StringComparer.Ordinal).Count() != select.Columns.Length)
            return null;
        var order = ImmutableArray.CreateBuilder<SqlOrderItem>(select.OrderBy.Length);
        foreach (var item in select.OrderBy)
        {
            var alias = item.Expression switch
            {
                SqlColumn { Table: null } named when select.Columns.Any(c => c.Alias == named.Name) => named.Name,
                SqlLiteral { Kind: SqlLiteralKind.Number, Value: decimal ordinal } when ordinal == decimal.Truncate(ordinal) && ordinal >= 1 && ordinal <= select.Columns.Length =>
                    select.Columns[(int)ordinal - 1].Alias,
                var expression => select.Columns.FirstOrDefault(c => SqlEquivalence.Equal(c.Expression, expression))?.Alias,
            };
            if (alias is null)
                return null;
            order.Add(item with { Expression = new SqlColumn(rows, alias) });
        }
        return SqlSelect.Empty with
        {
            Ctes = select.Ctes,
            Columns = [.. select.Columns.Select(c => new SqlSelectItem(new SqlColumn(rows, c.Alias), c.Alias))],
            From = new SqlDerivedTable(select with { Ctes = [], OrderBy = [], Limit = null }, rows),
            OrderBy = Expand(order.ToImmutable(), e => e),
            Limit = select.Limit,
        };
    }

    /// <summary>An output column named alone stands for its expression.</summary>
    private static SqlExpression Resolve(SqlExpression expression, SqlSelect select) =>
        expression is SqlColumn { Table: null } column && select.Columns.Where(c => c.Alias == column.Name).ToList() is [var item]
            ? item.Expression
            : expression;

    private static ImmutableArray<SqlOrderItem> Expand(ImmutableArray<SqlOrderItem> items, Func<SqlExpression, SqlExpression> resolve)
    {
        var builder = ImmutableArray.CreateBuilder<SqlOrderItem>(items.Length * 2);
        foreach (var item in items)
        {
            if (item.NullsFirst is not { } first)
            {
                builder.Add(item);
                continue;
            }
            var nullsKey = new SqlCase(
                [new SqlWhen(new SqlIsNull(resolve(item.Expression), Negated: false), SqlLiteral.Number(first ? 0 : 1))],
                SqlLiteral.Number(first ? 1 : 0));
            builder.Add(new SqlOrderItem(nullsKey, Descending: false, NullsFirst: null));
            builder.Add(item with { NullsFirst = null });
        }
        return builder.ToImmutable();
    }
}
