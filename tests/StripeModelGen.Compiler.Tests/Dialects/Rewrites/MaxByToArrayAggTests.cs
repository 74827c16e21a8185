using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;
using static StripeModelGen.Compiler.Tests.Dialects.Rewrites.RewriteAssert;

namespace StripeModelGen.Compiler.Tests.Dialects.Rewrites;

public sealed class MaxByToArrayAggTests
{
    private static readonly MaxByToArrayAgg Rewrite = new();

    [Fact]
    public void Max_by_takes_the_first_value_ordered_by_the_key_descending_skipping_null_keys() =>
        Assert.Equal(
            "(ARRAY_AGG(\"plan\" ORDER BY \"created\" DESC) FILTER (WHERE \"created\" IS NOT NULL))[1]",
            Rewritten(Rewrite, Fn("MAX_BY", Col("plan"), Col("created"))));

    [Fact]
    public void Min_by_orders_ascending() =>
        Assert.Equal(
            "(ARRAY_AGG(\"plan\" ORDER BY \"created\") FILTER (WHERE \"created\" IS NOT NULL))[1]",
            Rewritten(Rewrite, Fn("MIN_BY", Col("plan"), Col("created"))));

    [Fact]
    public void The_calls_own_filter_is_kept() =>
        Assert.Equal(
            "(ARRAY_AGG(\"plan\" ORDER BY \"created\" DESC) FILTER (WHERE \"created\" IS NOT NULL AND (\"a\" OR \"b\")))[1]",
            Rewritten(Rewrite, new SqlFunction("MAX_BY", [Col("plan"), Col("created")], Filter: Or(Col("a"), Col("b")))));

    [Fact]
    public void It_is_a_primary_so_it_combines_without_extra_parentheses() =>
        Assert.Equal(
            "(ARRAY_AGG(\"a\" ORDER BY \"b\" DESC) FILTER (WHERE \"b\" IS NOT NULL))[1] + 1",
            Rewritten(Rewrite, Bin(BinaryOperator.Add, Fn("MAX_BY", Col("a"), Col("b")), Num(1))));

    [Fact]
    public void Windowed_and_distinct_calls_are_left_for_the_writer_to_report()
    {
        Untouched(Rewrite, new SqlFunction("MAX_BY", [Col("a"), Col("b")], Window: Over([], [])));
        Untouched(Rewrite, new SqlFunction("MAX_BY", [Col("a"), Col("b")], Distinct: true));
        Untouched(Rewrite, Fn("MAX", Col("a")));

        var diagnostic = Assert.Single(Dialect.Errors(SelectExpression(new SqlFunction("MAX_BY", [Col("a"), Col("b")], Window: Over([], []))), Dialect.Postgres));
        Assert.Equal("Function `MAX_BY(...) OVER (...)` has no template in dialect `postgres`", diagnostic.Message);
    }
}
