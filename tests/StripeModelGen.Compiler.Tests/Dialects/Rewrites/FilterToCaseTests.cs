using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;
using static StripeModelGen.Compiler.Tests.Dialects.Rewrites.RewriteAssert;

namespace StripeModelGen.Compiler.Tests.Dialects.Rewrites;

public sealed class FilterToCaseTests
{
    private static readonly FilterToCase Rewrite = new();
    private static readonly SqlBinary Paid = Eq(Col("status"), Str("paid"));

    [Fact]
    public void An_aggregate_reads_its_argument_only_where_the_filter_holds() =>
        Assert.Equal(
            "SUM(CASE WHEN \"status\" = 'paid' THEN \"amount\" END)",
            Rewritten(Rewrite, new SqlFunction("SUM", [Col("amount")], Filter: Paid)));

    [Fact]
    public void Count_star_counts_a_constant_where_the_filter_holds() =>
        Assert.Equal(
            "COUNT(CASE WHEN \"status\" = 'paid' THEN 1 END)",
            Rewritten(Rewrite, new SqlFunction("COUNT", [], Star: true, Filter: Paid)));

    [Fact]
    public void Distinct_stays_on_the_aggregate() =>
        Assert.Equal(
            "COUNT(DISTINCT CASE WHEN \"status\" = 'paid' THEN \"customer\" END)",
            Rewritten(Rewrite, new SqlFunction("COUNT", [Col("customer")], Distinct: true, Filter: Paid)));

    [Fact]
    public void Max_by_blanks_its_ordering_key() =>
        Assert.Equal(
            "MAX_BY(\"plan\", CASE WHEN \"status\" = 'paid' THEN \"created\" END)",
            Rewritten(Rewrite, new SqlFunction("MAX_BY", [Col("plan"), Col("created")], Filter: Paid)));

    [Fact]
    public void Windowed_aggregates_keep_their_window() =>
        Assert.Equal(
            "SUM(CASE WHEN \"status\" = 'paid' THEN \"amount\" END) OVER (PARTITION BY \"customer\")",
            Rewritten(Rewrite, new SqlFunction("SUM", [Col("amount")], Filter: Paid, Window: Over([Col("customer")], []))));

    [Fact]
    public void Aggregates_that_keep_nulls_and_calls_without_filter_are_left_alone()
    {
        Untouched(Rewrite, new SqlFunction("ARRAY_AGG", [Col("a")], Filter: Paid));
        Untouched(Rewrite, Fn("SUM", Col("a")));
    }

    [Fact]
    public void A_dialect_without_filter_writes_filtered_aggregates_through_it()
    {
        var noFilter = Dialect.Postgres with
        {
            Capabilities = Dialect.Postgres.Capabilities with { FilterClause = false },
            Rewrites = [Rewrite, .. Dialect.Postgres.Rewrites],
        };

        Assert.Equal("AVG(CASE WHEN \"status\" = 'paid' THEN \"amount\" END)", Dialect.Expression(new SqlFunction("AVG", [Col("amount")], Filter: Paid), noFilter));
    }
}
