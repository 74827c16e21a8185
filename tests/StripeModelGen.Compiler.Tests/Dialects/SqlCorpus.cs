using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>
/// Statements exercising every node kind, every function of a dialect (rewrites applied), the rewrites'
/// own output, and the literal edge cases: what the syntax check feeds to each dialect's own grammar.
/// Tables are <c>"stripe"."charges"</c> and friends; columns are those <see cref="FunctionCalls"/> uses.
/// </summary>
internal static class SqlCorpus
{
    private static readonly SqlTable Charges = Table("stripe", "charges", "t");

    public static IEnumerable<(string Name, SqlStatement Statement)> All()
    {
        foreach (var shape in DialectFunctions.Base.Values)
        {
            var variant = 0;
            foreach (var call in FunctionCalls.For(shape))
                yield return ($"function-{shape.Name.ToLowerInvariant()}-{variant++}", FromCharges(call));
        }
        foreach (var (name, expression) in Rewritten())
            yield return ($"rewrite-{name}", FromCharges(expression));
        var precedence = 0;
        foreach (var row in SqlWriterPrecedenceTests.Cases)
            yield return ($"precedence-{precedence++}", FromCharges(row.Data.Item2));
        var literal = 0;
        foreach (var expression in Literals())
            yield return ($"literal-{literal++}", FromCharges(expression));
        foreach (var (name, statement) in Layouts())
            yield return ($"layout-{name}", statement);
    }

    /// <summary>The statements <paramref name="dialect"/> can express: those it cannot (see <see cref="Unexpressible"/>) are left out.</summary>
    public static IEnumerable<(string Name, SqlStatement Statement)> For(DialectSpec dialect) =>
        All().Where(s => Unexpressible(s.Statement, dialect) is null);

    /// <summary>
    /// Why <paramref name="dialect"/> cannot express <paramref name="statement"/> (a function its file marks
    /// <c>unsupported</c>, IGNORE NULLS without the syntax or a rewrite), or null when it can.
    /// </summary>
    public static string? Unexpressible(SqlStatement statement, DialectSpec dialect)
    {
        if (statement is SqlCreateView { Database: not null } && !dialect.Capabilities.ViewDatabase)
            return "a view name with a database";
        foreach (var function in Nodes.Of(statement).OfType<SqlFunction>())
        {
            if (dialect.Functions.GetValueOrDefault(function.Name.ToUpperInvariant()) is { } template)
            {
                if (template.Unsupported is { } reason)
                    return reason;
                if (function.Window is not null && !template.AllowsWindow && !dialect.Rewrites.Any(r => r.RemovedFunctions.Contains(function.Name)))
                    return $"{function.Name} with OVER";
            }
            if (function.NullTreatment == NullTreatment.IgnoreNulls && !dialect.Capabilities.IgnoreNulls && !dialect.Rewrites.OfType<IgnoreNullsToArrayAgg>().Any()
                && !(dialect.Rewrites.OfType<IgnoreNullsToRunningGroups>().Any() && RunningGroups(function)))
                return "IGNORE NULLS";
            if (function.Name == SqlFunctions.AtTimeZone && dialect.TimeZoneNames == TimeZoneNames.Windows && function.Arguments[1] is not SqlLiteral)
                return "a time zone that is not a literal";
        }
        return null;
    }

    /// <summary>The IGNORE NULLS calls <see cref="IgnoreNullsToRunningGroups"/> rewrites: LAST_VALUE over a running ROWS frame, LAG by one.</summary>
    private static bool RunningGroups(SqlFunction function) => function.Name switch
    {
        "LAST_VALUE" => function.Window?.Frame is { Unit: FrameUnit.Rows, Start.Kind: FrameBoundKind.UnboundedPreceding, End.Kind: FrameBoundKind.CurrentRow or FrameBoundKind.Preceding },
        "LAG" => function.Window?.Frame is null && (function.Arguments.Length == 1 || function.Arguments[1] is SqlLiteral { Value: 1m }),
        _ => false,
    };

    /// <summary>Every expression node of a statement, found by walking it.</summary>
    private sealed class Nodes : SqlTreeRewriter
    {
        private readonly List<SqlExpression> _nodes = [];

        public override string Name => nameof(Nodes);

        public override string Description => "collects nodes";

        public static IReadOnlyList<SqlExpression> Of(SqlStatement statement)
        {
            var walker = new Nodes();
            walker.Apply(statement);
            return walker._nodes;
        }

        protected override SqlExpression RewriteNode(SqlExpression node)
        {
            _nodes.Add(node);
            return node;
        }
    }

    private static SqlQueryStatement FromCharges(SqlExpression expression) => Statement(Select(Item(expression, "x")).From(Charges));

    private static IEnumerable<(string, SqlExpression)> Rewritten()
    {
        var window = Over([Col("t", "customer_id")], [Asc(Col("t", "created"))]);
        var frame = Over([Col("t", "customer_id")], [Asc(Col("t", "created"))], Rows(FrameBoundKind.UnboundedPreceding, 0, FrameBoundKind.CurrentRow));
        SqlFunction IgnoreNulls(string name, SqlWindow over, params SqlExpression[] arguments) =>
            new(name, [.. arguments], NullTreatment: NullTreatment.IgnoreNulls, Window: over);
        var paid = Eq(Col("t", "status"), Str("paid"));

        yield return ("first-value-ignore-nulls", IgnoreNulls("FIRST_VALUE", window, Col("t", "n0")));
        yield return ("last-value-ignore-nulls", IgnoreNulls("LAST_VALUE", frame, Col("t", "n0")));
        yield return ("nth-value-ignore-nulls", IgnoreNulls("NTH_VALUE", frame, Col("t", "n0"), Num(2)));
        yield return ("lag-ignore-nulls", IgnoreNulls("LAG", window, Col("t", "n0")));
        yield return ("lag-2-default-ignore-nulls", IgnoreNulls("LAG", window, Col("t", "n0"), Num(2), Num(0)));
        yield return ("lead-ignore-nulls", IgnoreNulls("LEAD", window, Col("t", "n0"), Num(3)));
        yield return ("lag-respect-nulls", new SqlFunction("LAG", [Col("t", "n0")], NullTreatment: NullTreatment.RespectNulls, Window: window));
        yield return ("max-by-filtered", new SqlFunction("MAX_BY", [Col("t", "s0"), Col("t", "created")], Filter: paid));
        yield return ("min-by-in-arithmetic", Bin(BinaryOperator.Add, Fn("MIN_BY", Col("t", "n0"), Col("t", "created")), Num(1)));
        yield return ("count-star-filter", new SqlFunction("COUNT", [], Star: true, Filter: paid));
        yield return ("count-distinct", new SqlFunction("COUNT", [Col("t", "customer_id")], Distinct: true));
        yield return ("sum-filter-over", new SqlFunction("SUM", [Col("t", "n0")], Filter: paid, Window: window));
        yield return ("median-filter", new SqlFunction("MEDIAN", [Col("t", "n0")], Filter: paid));
        yield return ("division", Bin(BinaryOperator.Divide, Fn("SUM", Col("t", "n0")), Fn("NULLIF", new SqlFunction("COUNT", [], Star: true), Num(0))));
        yield return ("division-chain", Bin(BinaryOperator.Divide, Bin(BinaryOperator.Divide, Col("t", "n0"), Col("t", "n1")), Num(100)));
        yield return ("running-sum-frame", new SqlFunction("SUM", [Col("t", "n0")], Window: Over([Col("t", "customer_id")], [Asc(Col("t", "created"))], Rows(FrameBoundKind.UnboundedPreceding, 0, FrameBoundKind.Preceding, 1))));
        yield return ("nulls-last-window", new SqlFunction("ROW_NUMBER", [], Window: Over([Col("t", "customer_id")], [Desc(Col("t", "n0"), nullsFirst: false), Asc(Col("t", "created"), nullsFirst: true)])));
        yield return ("predicate-value", Bin(BinaryOperator.GreaterOrEqual, Col("t", "n0"), Num(100)));
        yield return ("predicate-arguments", Fn("COALESCE", Eq(Col("t", "s0"), Str("a")), new SqlIsNull(Col("t", "s1"), false), SqlLiteral.False));
        yield return ("yes-no-functions-as-conditions", new SqlCase(
            [new SqlWhen(And(Fn("STARTS_WITH", Col("t", "s0"), Str("ch_")), Col("t", "flag")), Num(1)), new SqlWhen(SqlLiteral.True, Num(0))], null));
        yield return ("bool-or-as-condition", new SqlCase([new SqlWhen(Fn("BOOL_OR", Eq(Col("t", "s0"), Str("paid"))), Num(1))], Num(0)));
        yield return ("ilike", new SqlCase([new SqlWhen(new SqlLike(Col("t", "s0"), Str("%@Stripe.com"), true, false), Num(1))], null));
        yield return ("like-escape-and-brackets", new SqlCase(
            [new SqlWhen(And(new SqlLike(Col("t", "s0"), Str("50\\%[x]%"), false, false, '\\'), new SqlLike(Col("t", "s1"), Str("[a-c]_"), false, true)), Num(1))], null));
        yield return ("concat-with-nulls", Fn("CONCAT", Col("t", "s0"), Num(1), SqlLiteral.Null));
        yield return ("greatest-of-columns", Fn("GREATEST", Col("t", "n0"), Col("t", "n1"), Num(0)));
        yield return ("median-over-partition", new SqlFunction("MEDIAN", [Col("t", "n0")], Window: Over([Col("t", "customer_id")], [])));
        yield return ("previous-non-null", Fn("COALESCE", new SqlFunction("LAST_VALUE", [Col("t", "n0")], NullTreatment: NullTreatment.IgnoreNulls,
            Window: Over([Col("t", "customer_id")], [Asc(Col("t", "created"))], Rows(FrameBoundKind.UnboundedPreceding, 0, FrameBoundKind.Preceding, 1))), Num(0)));
        yield return ("date-diff-of-timeframes", Fn("DATE_DIFF", Part(DatePart.Month), Fn("DATE_TRUNC", Part(DatePart.Month), Fn(SqlFunctions.AtTimeZone, Col("t", "created"), Str("America/New_York"))), Fn("CURRENT_DATE")));
    }

    private static IEnumerable<SqlExpression> Literals()
    {
        foreach (var text in new[] { "it's", "'; DROP TABLE charges; --", "C:\\temp\\", "\\'", "line\nbreak", "Zürich 東京 🚀", string.Empty, "$$", "/* not a comment */", "-- not a comment" })
            yield return Str(text);
        yield return Num(-1.5m);
        yield return Num(decimal.MaxValue);
        yield return new SqlLiteral(SqlLiteralKind.Number, 1e-7);
        yield return SqlLiteral.True;
        yield return SqlLiteral.Null;
        yield return SqlLiteral.Date(new DateOnly(2024, 2, 29));
        yield return SqlLiteral.Timestamp(new DateTime(2024, 2, 29, 23, 59, 59, 999, DateTimeKind.Utc));
        yield return Eq(Col("t", "s0"), new SqlParameter("customer_id"));
        yield return Col("t", "we\"ird \"\" name");
        yield return Col("t", "order");
    }

    private static IEnumerable<(string, SqlStatement)> Layouts()
    {
        var everything = Select(Item(Col("c", "customer_id"), "customer_id"), Item(Fn("SUM", Col("c", "amount")), "gross"))
            .From(Table("stripe", "charges", "c")) with
        {
            Joins =
            [
                new SqlJoin(SqlJoinType.Left, Table("stripe", "customers", "cu"), Eq(Col("c", "customer_id"), Col("cu", "id"))),
                new SqlJoin(SqlJoinType.Inner, new SqlCteReference("currencies", "cur"), Eq(Col("c", "currency"), Col("cur", "code"))),
                new SqlJoin(SqlJoinType.Full, new SqlDerivedTable(Select(Item(Col("r", "charge_id"), "charge_id")).From(Table("stripe", "refunds", "r")), "r"), Eq(Col("r", "charge_id"), Col("c", "id"))),
                new SqlJoin(SqlJoinType.Cross, new SqlDerivedTable(new SqlValues(["k"], [[Num(1)]]), "v"), null),
            ],
            Ctes = [new SqlCte("currencies", [], new SqlValues(["code", "exponent"], [[Str("jpy"), Num(0)], [Str("kwd"), Num(3)]]))],
            Where = And(And(Eq(Col("c", "status"), Str("succeeded")), Or(Col("c", "paid"), Col("c", "captured"))), new SqlIsNull(Col("c", "deleted"), false)),
            GroupBy = [Col("c", "customer_id")],
            Having = Bin(BinaryOperator.Greater, Fn("SUM", Col("c", "amount")), Num(0)),
            OrderBy = [Desc(Fn("SUM", Col("c", "amount")), nullsFirst: false), Asc(Col("c", "customer_id"), nullsFirst: true)],
            Limit = 10,
            Distinct = true,
        };
        yield return ("select", Statement(everything));
        var charges = Table("stripe", "charges", "t");
        var paid = Eq(Col("t", "status"), Str("paid"));
        var count = new SqlFunction("COUNT", [], Star: true);
        var statistics = Select(
                Item(Col("t", "currency"), "currency"),
                Item(Fn("MEDIAN", Col("t", "n0")), "median"),
                Item(new SqlFunction("PERCENTILE", [Col("t", "n0"), Num(90)], Filter: paid), "p90"),
                Item(Fn("MAX_BY", Col("t", "s0"), Col("t", "created")), "latest"),
                Item(Bin(BinaryOperator.Divide, Fn("SUM", Col("t", "n0")), count), "average"))
            .From(charges) with
        {
            Where = Col("t", "flag"),
            GroupBy = [Col("t", "currency")],
            Having = Bin(BinaryOperator.Greater, count, Num(1)),
            OrderBy = [Desc(Col("median"), nullsFirst: false), Asc(Col("currency"), nullsFirst: false)],
            Limit = 5,
        };
        yield return ("grouped-statistics", Statement(statistics));
        var day = new SqlParameter("day");
        yield return ("parameters", Statement(Select(Item(Col("t", "id"), "id")).From(charges) with
        {
            Where = And(And(Bin(BinaryOperator.GreaterOrEqual, Col("t", "created"), day), Bin(BinaryOperator.Less, Col("t", "created"), Fn("DATE_ADD", Part(DatePart.Day), Num(1), day))), Eq(Col("t", "customer_id"), new SqlParameter("customer"))),
        }));
        var customer = new SqlParameter("customer");
        var byCustomer = Or(Eq(Col("t", "customer_id"), customer), Eq(Fn("LOWER", Col("t", "email")), Fn("LOWER", customer)));
        yield return ("parameter-used-in-union-members-and-having", Statement(new SqlUnionAll(
        [
            Select(Item(Col("t", "currency"), "currency"), Item(count, "n")).From(charges) with { Where = byCustomer, GroupBy = [Col("t", "currency")] },
            Select(Item(Col("t", "currency"), "currency"), Item(count, "n")).From(charges) with
            {
                GroupBy = [Col("t", "currency")],
                Having = Bin(BinaryOperator.Greater, count, Fn("LENGTH", customer)),
            },
        ])));
        yield return ("values", Statement(new SqlValues(["currency", "exponent"], [[Str("jpy"), Num(0)], [Str("usd"), Num(2)]])));
        yield return ("union", Statement(new SqlUnionAll([Select(Item(Num(1), "n")), everything with { Columns = [Item(Num(2), "n")], GroupBy = [], Having = null, OrderBy = [Asc(Num(1))] }, new SqlValues(["n"], [[Num(3)]])])));
        yield return ("view", new SqlCreateView("analytics", "models", "charges", everything with { Limit = null, OrderBy = [] }));
        yield return ("view-unqualified", new SqlCreateView(null, null, "v", new SqlValues(["a"], [[Num(1)]])));
        yield return ("nested-ctes", Statement(Select(Item(Col("x", "a"), "a")).From(new SqlDerivedTable(Select(Item(Col("i", "a"), "a")).From(new SqlCteReference("inner", "i")) with { Ctes = [new SqlCte("inner", ["a"], Select(Item(Num(1), "a")))] }, "x"))));
    }
}
