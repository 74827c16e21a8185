using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// Aggregates an engine only has as window functions, for SQL Server: MEDIAN / PERCENTILE (its exact
/// percentile is <c>PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x) OVER (...)</c> only) and MAX_BY / MIN_BY
/// (none at all; <c>FIRST_VALUE(x) OVER (... ORDER BY y DESC)</c> is). The SELECT is split in two: the
/// inner one reads the same rows (FROM, joins, WHERE) and computes each GROUP BY key, each argument of
/// the other aggregates, and each of these as a window partitioned by the keys
/// (<c>PERCENTILE_CONT(x, f) OVER (PARTITION BY keys)</c>; <c>CASE WHEN MAX(y) OVER (PARTITION BY keys) IS
/// NULL THEN NULL ELSE FIRST_VALUE(x) OVER (PARTITION BY keys ORDER BY y DESC NULLS LAST) END</c>); the
/// outer one groups those rows by the keys, aggregates the arguments as before and takes <c>MAX</c> of each
/// window's value (the same on every row of a group). Exact: the rows and groups are the same (MAX_BY
/// picks any of tied rows, as it does anyway). A windowed call whose window only partitions becomes the
/// window function directly. What does not fit (DISTINCT, a percentile that is not a literal, a FILTER
/// left on another aggregate, a window in a GROUP BY key, a column outside any aggregate that is not a
/// key) is left alone, and the writer reports it.
/// </summary>
public sealed class AggregatesToWindows : SqlTreeRewriter
{
    private const string Rows = "window_rows";

    public override string Name => nameof(AggregatesToWindows);

    public override string Description => "`MEDIAN`, `PERCENTILE`, `MAX_BY`, `MIN_BY` become windows over the group's rows in an inner SELECT";

    public override ImmutableArray<string> RemovedFunctions => ["MEDIAN", "PERCENTILE", "MAX_BY", "MIN_BY"];

    public override ImmutableArray<RewriteFunction> IntroducedFunctions => [RewriteFunctions.PercentileCont];

    protected override SqlExpression RewriteNode(SqlExpression node) =>
        node is SqlFunction { Window: { } window } function && window.OrderBy.IsDefaultOrEmpty && window.Frame is null && Windowed(function, window) is { } rewritten
            ? rewritten
            : node;

    protected override SqlSelect RewriteSelect(SqlSelect select)
    {
        var expressions = select.Columns.Select(c => c.Expression)
            .Concat(select.Having is null ? [] : [select.Having])
            .Concat(select.OrderBy.IsDefault ? [] : select.OrderBy.Select(o => o.Expression));
        if (!expressions.SelectMany(Descendants).Any(e => e is SqlFunction { Window: null } f && IsTarget(f)) || select.From is null)
            return select;
        var keys = select.GroupBy.IsDefault ? [] : select.GroupBy;
        if (keys.SelectMany(Descendants).Any(e => e is SqlFunction { Window: not null }))
            return select;

        var split = new Split(keys);
        var columns = Map(select.Columns, c => c with { Expression = split.Outer(c.Expression) });
        var having = select.Having is null ? null : split.Outer(select.Having);
        var orderBy = Map(select.OrderBy, o => o with { Expression = split.Outer(o.Expression) });
        if (split.Failed)
            return select;

        var inner = SqlSelect.Empty with
        {
            Columns = split.InnerColumns.ToImmutable(),
            From = select.From,
            Joins = select.Joins,
            Where = select.Where,
        };
        return select with
        {
            Columns = columns,
            From = new SqlDerivedTable(inner, Rows),
            Joins = [],
            Where = null,
            GroupBy = [.. keys.Select((_, i) => (SqlExpression)new SqlColumn(Rows, Split.KeyColumn(i)))],
            Having = having,
            OrderBy = orderBy,
        };
    }

    private static bool IsTarget(SqlFunction function) => function.Name.ToUpperInvariant() is "MEDIAN" or "PERCENTILE" or "MAX_BY" or "MIN_BY";

    private static IEnumerable<SqlExpression> Descendants(SqlExpression expression) => expression.Children.SelectMany(Descendants).Prepend(expression);

    /// <summary>The fraction (0 to 1) a MEDIAN or a PERCENTILE with a literal p asks for; null otherwise.</summary>
    private static decimal? Fraction(SqlFunction function) => function.Name.ToUpperInvariant() switch
    {
        "MEDIAN" when function.Arguments.Length == 1 => 0.5m,
        "PERCENTILE" when function.Arguments is [_, SqlLiteral { Kind: SqlLiteralKind.Number, Value: decimal p }] && p is >= 0 and <= 100 => p / 100m,
        _ => null,
    };

    /// <summary>The window function computing a MEDIAN, PERCENTILE, MAX_BY or MIN_BY call over <paramref name="window"/>; null when it does not fit.</summary>
    private static SqlExpression? Windowed(SqlFunction function, SqlWindow window)
    {
        if (!IsTarget(function) || function.Distinct || function.Star)
            return null;
        var name = function.Name.ToUpperInvariant();
        if (name is "MAX_BY" or "MIN_BY")
        {
            if (function.Arguments.Length != 2 || function.Filter is not null)
                return null;
            var (value, key) = (function.Arguments[0], function.Arguments[1]);
            // The row with the largest (smallest) key first, rows without a key last; NULL when no row has a key.
            var first = new SqlFunction("FIRST_VALUE", [value], Window: window with { OrderBy = [new SqlOrderItem(key, Descending: name == "MAX_BY", NullsFirst: false)] });
            var noKey = new SqlIsNull(new SqlFunction("MAX", [key], Window: window), Negated: false);
            return new SqlCase([new SqlWhen(noKey, SqlLiteral.Null)], first);
        }
        if (Fraction(function) is not { } fraction)
            return null;
        var x = function.Filter is { } condition ? new SqlCase([new SqlWhen(condition, function.Arguments[0])], null) : function.Arguments[0];
        return new SqlFunction(RewriteFunctions.PercentileCont.Name, [x, SqlLiteral.Number(fraction)], Window: window);
    }

    private static bool IsAggregate(SqlFunction function) =>
        function.Window is null
        && (FunctionCatalog.Find(function.Name)?.Kind == FunctionKind.Aggregate
            || SqlRewrites.All.SelectMany(r => r.IntroducedFunctions).Any(f => f.Kind == FunctionKind.Aggregate && string.Equals(f.Name, function.Name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Builds the inner SELECT's columns while rewriting the outer expressions to read them.</summary>
    private sealed class Split(ImmutableArray<SqlExpression> keys)
    {
        private readonly List<SqlExpression> _arguments = [];
        private readonly List<SqlExpression> _windows = [];

        public bool Failed { get; private set; }

        public static string KeyColumn(int index) => $"k_{index + 1}";

        public ImmutableArray<SqlSelectItem>.Builder InnerColumns
        {
            get
            {
                var columns = ImmutableArray.CreateBuilder<SqlSelectItem>();
                columns.AddRange(keys.Select((k, i) => new SqlSelectItem(k, KeyColumn(i))));
                columns.AddRange(_arguments.Select((a, i) => new SqlSelectItem(a, $"a_{i + 1}")));
                columns.AddRange(_windows.Select((w, i) => new SqlSelectItem(w, $"w_{i + 1}")));
                return columns;
            }
        }

        /// <summary>An expression of the original SELECT, reading the inner SELECT's columns instead.</summary>
        public SqlExpression Outer(SqlExpression expression)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (SqlEquivalence.Equal(expression, keys[i]))
                    return new SqlColumn(Rows, KeyColumn(i));
            }
            switch (expression)
            {
                case SqlFunction { Window: null } function when IsTarget(function):
                {
                    if (Windowed(function, new SqlWindow(keys, [], null)) is not { } windowed)
                        return Fail(expression);
                    _windows.Add(windowed);
                    return new SqlFunction("MAX", [new SqlColumn(Rows, $"w_{_windows.Count}")]);
                }
                case SqlFunction function when IsAggregate(function):
                    if (function.Filter is not null)
                        return Fail(expression);
                    return function with { Arguments = [.. function.Arguments.Select(Argument)] };
                case SqlColumn { Table: not null }:
                    // A column outside any aggregate that is no GROUP BY key: not something to guess about.
                    return Fail(expression);
                default:
                    return SqlExpressionMap.Children(expression, Outer);
            }
        }

        /// <summary>An aggregate's argument as a column of the inner SELECT (literals and date parts stay).</summary>
        private SqlExpression Argument(SqlExpression argument)
        {
            if (argument is SqlLiteral or SqlDatePart or SqlParameter)
                return argument;
            var index = _arguments.FindIndex(a => SqlEquivalence.Equal(a, argument));
            if (index < 0)
            {
                _arguments.Add(argument);
                index = _arguments.Count - 1;
            }
            return new SqlColumn(Rows, $"a_{index + 1}");
        }

        private SqlExpression Fail(SqlExpression expression)
        {
            Failed = true;
            return expression;
        }
    }
}
