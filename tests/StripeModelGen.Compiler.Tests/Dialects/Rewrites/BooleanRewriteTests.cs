using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;
using static StripeModelGen.Compiler.Tests.Dialects.Rewrites.RewriteAssert;

namespace StripeModelGen.Compiler.Tests.Dialects.Rewrites;

/// <summary>PredicatesToBits and BitsToPredicates: a statement where values and conditions each stand where they may, without booleans.</summary>
public sealed class BooleanRewriteTests
{
    private static readonly PredicatesToBits ToBits = new();
    private static readonly BitsToPredicates ToPredicates = new();

    private static string Both(SqlStatement statement) => Rewritten(ToPredicates, ToBits.Apply(statement));

    [Fact]
    public void A_predicate_as_a_value_is_one_zero_or_null()
    {
        Assert.Equal("CASE WHEN \"amount\" >= 100 THEN 1 WHEN NOT (\"amount\" >= 100) THEN 0 END", Rewritten(ToBits, Bin(BinaryOperator.GreaterOrEqual, Col("amount"), Num(100))));
        // IS NULL is never unknown.
        Assert.Equal("CASE WHEN \"deleted\" IS NULL THEN 1 ELSE 0 END", Rewritten(ToBits, new SqlIsNull(Col("deleted"), false)));
        // Inside a function, as an operand of a comparison.
        Assert.Equal(
            "MAX(CASE WHEN \"paid\" = 1 THEN 1 WHEN NOT (\"paid\" = 1) THEN 0 END)",
            Rewritten(ToBits, Fn("MAX", Eq(Col("paid"), Num(1)))));
        // Comparing two conditions compares their bits; the comparison, itself a value here, is a bit again.
        Assert.Equal(
            "CASE WHEN CASE WHEN \"a\" > 1 THEN 1 WHEN NOT (\"a\" > 1) THEN 0 END = CASE WHEN \"b\" > 2 THEN 1 WHEN NOT (\"b\" > 2) THEN 0 END THEN 1 "
            + "WHEN NOT (CASE WHEN \"a\" > 1 THEN 1 WHEN NOT (\"a\" > 1) THEN 0 END = CASE WHEN \"b\" > 2 THEN 1 WHEN NOT (\"b\" > 2) THEN 0 END) THEN 0 END",
            Rewritten(ToBits, Eq(Bin(BinaryOperator.Greater, Col("a"), Num(1)), Bin(BinaryOperator.Greater, Col("b"), Num(2)))));
    }

    [Fact]
    public void A_value_as_a_condition_is_compared_with_one()
    {
        var select = Select(Item(Col("t", "id"), "id")).From(Table("stripe", "charges", "t")) with
        {
            Joins = [new SqlJoin(SqlJoinType.Inner, Table("stripe", "customers", "c"), Col("c", "active"))],
            Where = And(Col("t", "paid"), Not(Col("t", "refunded"))),
            Having = SqlLiteral.True,
        };

        Assert.Equal(
            """
            SELECT
              "t"."id" AS "id"
            FROM "stripe"."charges" AS "t"
            INNER JOIN "stripe"."customers" AS "c" ON "c"."active" = 1
            WHERE "t"."paid" = 1
              AND NOT ("t"."refunded" = 1)
            HAVING 1 = 1;

            """,
            Rewritten(ToPredicates, Statement(select)));
    }

    [Fact]
    public void Case_conditions_are_conditions_and_results_values()
    {
        var @case = new SqlCase([new SqlWhen(Col("flag"), Bin(BinaryOperator.Greater, Col("a"), Num(1)))], SqlLiteral.False);

        Assert.Equal(
            "CASE WHEN \"flag\" = 1 THEN CASE WHEN \"a\" > 1 THEN 1 WHEN NOT (\"a\" > 1) THEN 0 END ELSE FALSE END",
            Dialect.Expression(((SqlSelect)((SqlQueryStatement)ToPredicates.Apply(ToBits.Apply(SelectExpression(@case)))).Query).Columns[0].Expression, Dialect.PostgresPlain));
    }

    [Fact]
    public void Filters_are_conditions_and_window_keys_values()
    {
        var call = new SqlFunction("COUNT", [Col("id")], Filter: Col("paid"), Window: Over([Eq(Col("status"), Str("x"))], []));

        Assert.Contains(
            "COUNT(\"id\") FILTER (WHERE \"paid\" = 1) OVER (PARTITION BY CASE WHEN \"status\" = 'x' THEN 1 WHEN NOT (\"status\" = 'x') THEN 0 END)",
            Both(SelectExpression(call)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Trees_already_right_are_left_alone()
    {
        Untouched(ToBits, Fn("SUM", Col("a")));
        Untouched(ToPredicates, Fn("SUM", Col("a")));
        Untouched(ToPredicates, Statement(Select(Item(Col("a"), "a")) with { Where = Eq(Col("a"), Num(1)) }));
        Untouched(ToBits, Statement(Select(Item(Col("a"), "a")) with { Where = Eq(Col("a"), Num(1)) }));
    }
}
