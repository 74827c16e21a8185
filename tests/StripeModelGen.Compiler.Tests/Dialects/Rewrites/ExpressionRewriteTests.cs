using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;
using static StripeModelGen.Compiler.Tests.Dialects.Rewrites.RewriteAssert;

namespace StripeModelGen.Compiler.Tests.Dialects.Rewrites;

/// <summary>The rewrites that replace one expression by another: ILIKE, GREATEST/LEAST, CONCAT, LIKE brackets.</summary>
public sealed class ExpressionRewriteTests
{
    [Fact]
    public void Ilike_compares_lower_cased_sides_and_keeps_negation_and_escape()
    {
        var rewrite = new IlikeToLower();

        Assert.Equal("LOWER(\"email\") LIKE LOWER('%@Stripe.com')", Rewritten(rewrite, new SqlLike(Col("email"), Str("%@Stripe.com"), CaseInsensitive: true, Negated: false)));
        Assert.Equal("LOWER(\"email\") NOT LIKE LOWER('a\\%%') ESCAPE '\\'", Rewritten(rewrite, new SqlLike(Col("email"), Str("a\\%%"), true, true, '\\')));
        Untouched(rewrite, new SqlLike(Col("email"), Str("a%"), false, false));
    }

    [Fact]
    public void Greatest_and_least_ignore_nulls_through_case()
    {
        var rewrite = new GreatestLeastToCase();

        Assert.Equal("CASE WHEN \"a\" IS NULL OR \"a\" < \"b\" THEN \"b\" ELSE \"a\" END", Rewritten(rewrite, Fn("GREATEST", Col("a"), Col("b"))));
        Assert.Equal("CASE WHEN \"a\" IS NULL OR \"a\" > 0 THEN 0 ELSE \"a\" END", Rewritten(rewrite, Fn("LEAST", Col("a"), Num(0))));
        // Three arguments pair up: GREATEST(a, GREATEST(b, c)).
        Assert.Equal(
            "CASE WHEN \"a\" IS NULL OR \"a\" < CASE WHEN \"b\" IS NULL OR \"b\" < \"c\" THEN \"c\" ELSE \"b\" END THEN CASE WHEN \"b\" IS NULL OR \"b\" < \"c\" THEN \"c\" ELSE \"b\" END ELSE \"a\" END",
            Rewritten(rewrite, Fn("GREATEST", Col("a"), Col("b"), Col("c"))));
        Untouched(rewrite, Fn("COALESCE", Col("a"), Col("b")));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(null, 5, 5)]
    [InlineData(7, null, 7)]
    [InlineData(3, 9, 9)]
    [InlineData(9, 3, 9)]
    public void Greatest_as_case_means_the_largest_non_null(int? a, int? b, int? expected)
    {
        // CASE WHEN a IS NULL OR a < b THEN b ELSE a END, evaluated with SQL's three-valued logic.
        bool? less = a is null || b is null ? null : a < b;
        var takeB = a is null || less == true;
        Assert.Equal(expected, takeB ? b : a);
    }

    [Fact]
    public void Concat_reads_every_argument_as_text_with_null_as_empty()
    {
        var rewrite = new ConcatNullsAsEmpty();

        Assert.Equal(
            "CONCAT(COALESCE(CAST(\"first\" AS VARCHAR), ''), ' ', COALESCE(CAST(\"amount\" AS VARCHAR), ''))",
            Rewritten(rewrite, Fn("CONCAT", Col("first"), Str(" "), Col("amount"))));
        var once = new ConcatNullsAsEmpty().Apply(SelectExpression(Fn("CONCAT", Col("a"))));
        Assert.Same(once, rewrite.Apply(once));
        Untouched(rewrite, Bin(BinaryOperator.Concat, Col("a"), Col("b")));
    }

    [Fact]
    public void Brackets_in_a_literal_like_pattern_are_escaped_with_the_patterns_escape()
    {
        var rewrite = new LikeBracketsEscaped();

        Assert.Equal("\"code\" LIKE '\\[A]%' ESCAPE '\\'", Rewritten(rewrite, new SqlLike(Col("code"), Str("[A]%"), false, false)));
        Assert.Equal("\"code\" LIKE '![A]!%%' ESCAPE '!'", Rewritten(rewrite, new SqlLike(Col("code"), Str("[A]!%%"), false, false, '!')));
        // An escaped bracket stays one escaped bracket.
        Assert.Equal("\"code\" LIKE 'a\\[b' ESCAPE '\\'", Rewritten(rewrite, new SqlLike(Col("code"), Str("a\\[b"), false, false)));
        Untouched(rewrite, new SqlLike(Col("code"), Str("a%"), false, false));
        Untouched(rewrite, new SqlLike(Col("code"), Col("pattern"), false, false));
    }

    [Fact]
    public void Brackets_in_a_lower_cased_literal_pattern_are_escaped_too()
    {
        // What IlikeToLower makes of `email ILIKE '[a]%'`, as a case-insensitive filter writes it.
        var ilike = new IlikeToLower().Apply(Ast.SelectExpression(new SqlLike(Col("email"), Str("[A]%"), CaseInsensitive: true, Negated: false)));
        var like = ((SqlSelect)((SqlQueryStatement)ilike).Query).Columns[0].Expression;

        Assert.Equal("LOWER(\"email\") LIKE LOWER('\\[A]%') ESCAPE '\\'", Rewritten(new LikeBracketsEscaped(), like));
        Untouched(new LikeBracketsEscaped(), new SqlLike(Fn("LOWER", Col("email")), Fn("LOWER", Col("pattern")), false, false));
        Untouched(new LikeBracketsEscaped(), new SqlLike(Col("email"), Fn("UPPER", Str("[a]")), false, false));
    }

    [Fact]
    public void Percentiles_interpolate_over_the_collected_values()
    {
        var rewrite = new PercentileToArrayAgg();
        var paid = Eq(Col("status"), Str("paid"));

        Assert.Equal("PERCENTILE_OF_ARRAY(ARRAY_AGG(\"amount\"), 50)", Rewritten(rewrite, Fn("MEDIAN", Col("amount"))));
        Assert.Equal("PERCENTILE_OF_ARRAY(ARRAY_AGG(CASE WHEN \"status\" = 'paid' THEN \"amount\" END), 90)", Rewritten(rewrite, new SqlFunction("PERCENTILE", [Col("amount"), Num(90)], Filter: paid)));
        Assert.Equal(
            "PERCENTILE_OF_ARRAY(ARRAY_AGG(\"amount\") OVER (PARTITION BY \"currency\"), 50)",
            Rewritten(rewrite, new SqlFunction("MEDIAN", [Col("amount")], Window: Over([Col("currency")], []))));
        Untouched(rewrite, Fn("AVG", Col("amount")));
    }
}
