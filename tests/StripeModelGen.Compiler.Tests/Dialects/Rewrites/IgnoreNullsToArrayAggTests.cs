using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;
using static StripeModelGen.Compiler.Tests.Dialects.Rewrites.RewriteAssert;

namespace StripeModelGen.Compiler.Tests.Dialects.Rewrites;

public sealed class IgnoreNullsToArrayAggTests
{
    private static readonly IgnoreNullsToArrayAgg Rewrite = new();
    private static readonly SqlWindow Window = Over([Col("customer")], [Asc(Col("day"))]);
    private static readonly SqlWindow Frame = Over([Col("customer")], [Asc(Col("day"))], Rows(FrameBoundKind.UnboundedPreceding, 0, FrameBoundKind.CurrentRow));

    private static SqlFunction IgnoreNulls(string name, params SqlExpression[] arguments) =>
        new(name, [.. arguments], NullTreatment: NullTreatment.IgnoreNulls, Window: Window);

    [Fact]
    public void Last_value_picks_the_last_non_null_value_of_the_frame() =>
        Assert.Equal(
            "(ARRAY_AGG(\"mrr\") FILTER (WHERE \"mrr\" IS NOT NULL) OVER (PARTITION BY \"customer\" ORDER BY \"day\" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))"
            + "[COUNT(\"mrr\") OVER (PARTITION BY \"customer\" ORDER BY \"day\" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)]",
            Rewritten(Rewrite, new SqlFunction("LAST_VALUE", [Col("mrr")], NullTreatment: NullTreatment.IgnoreNulls, Window: Frame)));

    [Fact]
    public void First_and_nth_value_pick_by_position() =>
        Assert.Equal(
            [
                "(ARRAY_AGG(\"mrr\") FILTER (WHERE \"mrr\" IS NOT NULL) OVER (PARTITION BY \"customer\" ORDER BY \"day\"))[1]",
                "(ARRAY_AGG(\"mrr\") FILTER (WHERE \"mrr\" IS NOT NULL) OVER (PARTITION BY \"customer\" ORDER BY \"day\"))[3]",
            ],
            [Rewritten(Rewrite, IgnoreNulls("FIRST_VALUE", Col("mrr"))), Rewritten(Rewrite, IgnoreNulls("NTH_VALUE", Col("mrr"), Num(3)))]);

    [Fact]
    public void Lag_counts_back_over_the_rows_before_the_current_one() =>
        Assert.Equal(
            [
                "(ARRAY_AGG(\"mrr\") FILTER (WHERE \"mrr\" IS NOT NULL) OVER (PARTITION BY \"customer\" ORDER BY \"day\" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))"
                + "[COUNT(\"mrr\") OVER (PARTITION BY \"customer\" ORDER BY \"day\" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)]",
                "COALESCE((ARRAY_AGG(\"mrr\") FILTER (WHERE \"mrr\" IS NOT NULL) OVER (PARTITION BY \"customer\" ORDER BY \"day\" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))"
                + "[COUNT(\"mrr\") OVER (PARTITION BY \"customer\" ORDER BY \"day\" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - 1], 0)",
            ],
            [Rewritten(Rewrite, IgnoreNulls("LAG", Col("mrr"))), Rewritten(Rewrite, IgnoreNulls("LAG", Col("mrr"), Num(2), Num(0)))]);

    [Fact]
    public void Lead_counts_forward_over_the_rows_after_the_current_one() =>
        Assert.Equal(
            "(ARRAY_AGG(\"mrr\") FILTER (WHERE \"mrr\" IS NOT NULL) OVER (PARTITION BY \"customer\" ORDER BY \"day\" ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING))[2]",
            Rewritten(Rewrite, IgnoreNulls("LEAD", Col("mrr"), Num(2))));

    [Fact]
    public void Respect_nulls_is_the_default_and_is_dropped() =>
        Assert.Equal(
            "LAG(\"mrr\") OVER (PARTITION BY \"customer\" ORDER BY \"day\")",
            Rewritten(Rewrite, new SqlFunction("LAG", [Col("mrr")], NullTreatment: NullTreatment.RespectNulls, Window: Window)));

    [Fact]
    public void Calls_it_cannot_rewrite_exactly_are_left_for_the_writer_to_report()
    {
        Untouched(Rewrite, IgnoreNulls("LAG", Col("mrr"), Col("n")));
        Untouched(Rewrite, IgnoreNulls("LAG", Col("mrr"), Num(0)));
        Untouched(Rewrite, IgnoreNulls("LAG", Col("mrr"), Num(1.5m)));
        Untouched(Rewrite, new SqlFunction("LAST_VALUE", [Col("mrr")], Window: Window));

        var diagnostic = Assert.Single(Dialect.Errors(SelectExpression(IgnoreNulls("LAG", Col("mrr"), Col("n"))), Dialect.Postgres));
        Assert.Equal("`IGNORE NULLS` on `LAG` cannot be expressed in dialect `postgres`", diagnostic.Message);
    }
}
