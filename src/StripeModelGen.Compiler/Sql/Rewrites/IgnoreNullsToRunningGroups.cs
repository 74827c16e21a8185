using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>LAST_VALUE(x) IGNORE NULLS OVER (PARTITION BY p ORDER BY o ROWS BETWEEN UNBOUNDED PRECEDING AND
/// CURRENT ROW | k PRECEDING)</c> and <c>LAG(x[, 1[, d]]) IGNORE NULLS OVER (PARTITION BY p ORDER BY o)</c>,
/// for engines with neither IGNORE NULLS nor arrays (SQL Server before 2022), by the running-group method
/// in two nested SELECTs: the inner one numbers each row by how many non-NULL x came so far
/// (<c>n = COUNT(x) OVER (PARTITION BY p ORDER BY o ROWS UNBOUNDED PRECEDING)</c>); rows with the same n
/// start at the non-NULL x they carry, so the middle one reads the last non-NULL x up to each row as
/// <c>MAX(x) OVER (PARTITION BY p, n)</c>; the outer SELECT (the original one) takes that value, or for a
/// frame ending k rows back, <c>LAG(value, k)</c> of it. Exact, except that rows tied in o may be ordered
/// differently by the two windows (IGNORE NULLS over ties is not deterministic either way). Only a
/// SELECT without GROUP BY, DISTINCT or plain aggregates is rewritten; other calls are left, and the
/// writer reports them.
/// </summary>
public sealed class IgnoreNullsToRunningGroups : SqlTreeRewriter
{
    private const string Inner = "ignore_nulls_rows";
    private const string Middle = "ignore_nulls_groups";

    public override string Name => nameof(IgnoreNullsToRunningGroups);

    public override string Description => "`LAST_VALUE(x) IGNORE NULLS` / `LAG(x) IGNORE NULLS` become running groups in nested SELECTs";

    protected override SqlSelect RewriteSelect(SqlSelect select)
    {
        var items = select.Columns.Select(c => c.Expression).Concat(select.OrderBy.IsDefault ? [] : select.OrderBy.Select(o => o.Expression)).ToList();
        var targets = items.SelectMany(Descendants).OfType<SqlFunction>().Where(f => f.NullTreatment == NullTreatment.IgnoreNulls).Distinct().ToList();
        if (targets.Count == 0 || select.From is null || select.Distinct || !select.GroupBy.IsDefaultOrEmpty || select.Having is not null)
            return select;
        if (targets.Any(t => Shape(t) is null) || items.SelectMany(Descendants).Any(e => e is SqlFunction { Window: null } f && IsAggregate(f)))
            return select;

        // Every column the SELECT reads, carried through both inner SELECTs as c_1, c_2...
        var columns = new List<SqlColumn>();
        foreach (var column in items.SelectMany(Descendants).OfType<SqlColumn>().Where(c => c.Table is not null))
        {
            if (!columns.Contains(column))
                columns.Add(column);
        }
        string ColumnName(SqlColumn column) => $"c_{columns.IndexOf(column) + 1}";
        SqlExpression From(string alias, SqlExpression expression) => Substitute(expression, c => columns.Contains(c) ? new SqlColumn(alias, ColumnName(c)) : null);

        var inner = ImmutableArray.CreateBuilder<SqlSelectItem>();
        inner.AddRange(columns.Select(c => new SqlSelectItem(c, ColumnName(c))));
        var middle = ImmutableArray.CreateBuilder<SqlSelectItem>();
        middle.AddRange(columns.Select(c => new SqlSelectItem(new SqlColumn(Inner, ColumnName(c)), ColumnName(c))));
        var replacements = new Dictionary<SqlFunction, SqlExpression>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var (lag, fallback) = Shape(target)!.Value;
            var window = target.Window!;
            var (x, n, v) = ($"x_{i + 1}", $"n_{i + 1}", $"v_{i + 1}");
            var running = new BoundFrame(FrameUnit.Rows, new BoundFrameBound(FrameBoundKind.UnboundedPreceding), new BoundFrameBound(FrameBoundKind.CurrentRow));
            inner.Add(new SqlSelectItem(target.Arguments[0], x));
            inner.Add(new SqlSelectItem(new SqlFunction("COUNT", [target.Arguments[0]], Window: window with { Frame = running }), n));
            middle.Add(new SqlSelectItem(new SqlColumn(Inner, x), x));
            middle.Add(new SqlSelectItem(new SqlColumn(Inner, n), n));
            var partition = window.PartitionBy.IsDefault ? [] : window.PartitionBy;
            middle.Add(new SqlSelectItem(
                new SqlFunction("MAX", [new SqlColumn(Inner, x)], Window: new SqlWindow([.. partition.Select(p => From(Inner, p)), new SqlColumn(Inner, n)], [], null)),
                v));
            SqlExpression value = new SqlColumn(Middle, v);
            if (lag > 0)
            {
                var outerWindow = new SqlWindow(
                    [.. partition.Select(p => From(Middle, p))],
                    [.. window.OrderBy.Select(o => o with { Expression = From(Middle, o.Expression) })],
                    null);
                value = new SqlFunction("LAG", [value, SqlLiteral.Number(lag)], Window: outerWindow);
            }
            if (fallback is not null)
                value = new SqlFunction("COALESCE", [value, From(Middle, fallback)]);
            replacements[target] = value;
        }

        var innerSelect = SqlSelect.Empty with { Columns = inner.ToImmutable(), From = select.From, Joins = select.Joins, Where = select.Where };
        var middleSelect = SqlSelect.Empty with { Columns = middle.ToImmutable(), From = new SqlDerivedTable(innerSelect, Inner) };
        SqlExpression Outer(SqlExpression e) => e is SqlFunction f && replacements.TryGetValue(f, out var r)
            ? r
            : e is SqlColumn c && columns.Contains(c) ? new SqlColumn(Middle, ColumnName(c)) : SqlExpressionMap.Children(e, Outer);
        return select with
        {
            Columns = Map(select.Columns, c => c with { Expression = Outer(c.Expression) }),
            From = new SqlDerivedTable(middleSelect, Middle),
            Joins = [],
            Where = null,
            OrderBy = Map(select.OrderBy, o => o with { Expression = Outer(o.Expression) }),
        };
    }

    /// <summary>How many rows back the frame ends (0: the current row) and LAG's default; null when the call does not fit.</summary>
    private static (int Lag, SqlExpression? Fallback)? Shape(SqlFunction function)
    {
        if (function.Window is not { } window || function.Filter is not null || function.Distinct || function.Arguments.IsDefaultOrEmpty || window.OrderBy.IsDefaultOrEmpty)
            return null;
        switch (function.Name.ToUpperInvariant())
        {
            case "LAST_VALUE" when function.Arguments.Length == 1 && window.Frame is { Unit: FrameUnit.Rows, Start.Kind: FrameBoundKind.UnboundedPreceding } frame:
                return frame.End.Kind switch
                {
                    FrameBoundKind.CurrentRow => (0, null),
                    FrameBoundKind.Preceding when frame.End.Offset >= 1 => (frame.End.Offset, null),
                    _ => null,
                };
            case "LAG" when window.Frame is null && (function.Arguments.Length == 1 || function.Arguments[1] is SqlLiteral { Kind: SqlLiteralKind.Number, Value: 1m }):
                return (1, function.Arguments.Length == 3 ? function.Arguments[2] : null);
            default:
                return null;
        }
    }

    private static bool IsAggregate(SqlFunction function) => FunctionCatalog.Find(function.Name)?.Kind == FunctionKind.Aggregate;

    private static IEnumerable<SqlExpression> Descendants(SqlExpression expression) => expression.Children.SelectMany(Descendants).Prepend(expression);

    /// <summary>The expression with each column <paramref name="replace"/> maps replaced (null: kept).</summary>
    private static SqlExpression Substitute(SqlExpression expression, Func<SqlColumn, SqlExpression?> replace) =>
        expression is SqlColumn column
            ? replace(column) ?? column
            : SqlExpressionMap.Children(expression, e => Substitute(e, replace));
}
