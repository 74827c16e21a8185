using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
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
        yield return ("values", Statement(new SqlValues(["currency", "exponent"], [[Str("jpy"), Num(0)], [Str("usd"), Num(2)]])));
        yield return ("union", Statement(new SqlUnionAll([Select(Item(Num(1), "n")), everything with { Columns = [Item(Num(2), "n")], GroupBy = [], Having = null, OrderBy = [Asc(Num(1))] }, new SqlValues(["n"], [[Num(3)]])])));
        yield return ("view", new SqlCreateView("analytics", "models", "charges", everything with { Limit = null, OrderBy = [] }));
        yield return ("view-unqualified", new SqlCreateView(null, null, "v", new SqlValues(["a"], [[Num(1)]])));
        yield return ("nested-ctes", Statement(Select(Item(Col("x", "a"), "a")).From(new SqlDerivedTable(Select(Item(Col("i", "a"), "a")).From(new SqlCteReference("inner", "i")) with { Ctes = [new SqlCte("inner", ["a"], Select(Item(Num(1), "a")))] }, "x"))));
    }
}
