using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;
using static StripeModelGen.Compiler.Tests.Dialects.Rewrites.RewriteAssert;

namespace StripeModelGen.Compiler.Tests.Dialects.Rewrites;

public sealed class DecimalDivisionTests
{
    private static readonly DecimalDivision Rewrite = new();

    [Fact]
    public void The_left_operand_of_a_division_is_cast_to_a_decimal() =>
        Assert.Equal("CAST(\"a\" AS NUMERIC) / \"b\"", Rewritten(Rewrite, Bin(BinaryOperator.Divide, Col("a"), Col("b"))));

    [Fact]
    public void Aggregates_are_cast_as_a_whole() =>
        Assert.Equal(
            "CAST(SUM(\"x\") AS NUMERIC) / NULLIF(COUNT(*), 0)",
            Rewritten(Rewrite, Bin(BinaryOperator.Divide, Fn("SUM", Col("x")), Fn("NULLIF", new SqlFunction("COUNT", [], Star: true), Num(0)))));

    [Fact]
    public void A_chain_of_divisions_is_cast_once_at_its_start() =>
        Assert.Equal(
            "CAST(\"a\" AS NUMERIC) / \"b\" / \"c\"",
            Rewritten(Rewrite, Bin(BinaryOperator.Divide, Bin(BinaryOperator.Divide, Col("a"), Col("b")), Col("c"))));

    [Fact]
    public void A_division_by_a_decimal_division_needs_no_second_cast() =>
        Assert.Equal(
            "\"a\" / (CAST(\"b\" AS NUMERIC) / \"c\")",
            Rewritten(Rewrite, Bin(BinaryOperator.Divide, Col("a"), Bin(BinaryOperator.Divide, Col("b"), Col("c")))));

    [Fact]
    public void Divisions_that_are_decimal_already_are_left_alone()
    {
        Untouched(Rewrite, Bin(BinaryOperator.Divide, Num(1.5m), Col("b")));
        Untouched(Rewrite, Bin(BinaryOperator.Divide, Col("a"), Num(100.0m)));
        Untouched(Rewrite, Bin(BinaryOperator.Divide, new SqlCast(Col("a"), ScalarType.Number), Col("b")));
        Untouched(Rewrite, Bin(BinaryOperator.Divide, Bin(BinaryOperator.Multiply, Col("a"), Num(1.0m)), Col("b")));
        Untouched(Rewrite, Bin(BinaryOperator.Divide, Neg(new SqlLiteral(SqlLiteralKind.Number, 2.5)), Col("b")));
        Untouched(Rewrite, Bin(BinaryOperator.Multiply, Col("a"), Col("b")));
    }

    [Fact]
    public void Integer_literals_are_not_decimals() =>
        Assert.Equal("CAST(1 AS NUMERIC) / 3", Rewritten(Rewrite, Bin(BinaryOperator.Divide, Num(1), Num(3))));

    [Fact]
    public void Applying_it_twice_changes_nothing_more()
    {
        var once = Rewrite.Apply(SelectExpression(Bin(BinaryOperator.Divide, Col("a"), Col("b"))));
        Assert.Same(once, Rewrite.Apply(once));
    }
}
