using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>Parentheses: exactly where the tree's grouping could otherwise be misread, on any of the four dialects.</summary>
public sealed class SqlWriterPrecedenceTests
{
    private static readonly SqlColumn A = Col("a");
    private static readonly SqlColumn B = Col("b");
    private static readonly SqlColumn C = Col("c");

    public static TheoryData<string, SqlExpression> Cases => new()
    {
        // arithmetic: left-associative, so only a right operand at the same level needs parentheses
        { "\"a\" - \"b\" - \"c\"", Bin(BinaryOperator.Subtract, Bin(BinaryOperator.Subtract, A, B), C) },
        { "\"a\" - (\"b\" - \"c\")", Bin(BinaryOperator.Subtract, A, Bin(BinaryOperator.Subtract, B, C)) },
        { "\"a\" + (\"b\" + \"c\")", Bin(BinaryOperator.Add, A, Bin(BinaryOperator.Add, B, C)) },
        { "\"a\" * \"b\" + \"c\"", Bin(BinaryOperator.Add, Bin(BinaryOperator.Multiply, A, B), C) },
        { "\"a\" * (\"b\" + \"c\")", Bin(BinaryOperator.Multiply, A, Bin(BinaryOperator.Add, B, C)) },
        { "(\"a\" + \"b\") * \"c\"", Bin(BinaryOperator.Multiply, Bin(BinaryOperator.Add, A, B), C) },
        { "\"a\" / (\"b\" * \"c\")", Bin(BinaryOperator.Divide, A, Bin(BinaryOperator.Multiply, B, C)) },
        { "\"a\" % (\"b\" % \"c\")", Bin(BinaryOperator.Modulo, A, Bin(BinaryOperator.Modulo, B, C)) },
        // unary minus: never two minus signs in a row (that starts a comment)
        { "\"a\" - (-\"b\")", Bin(BinaryOperator.Subtract, A, Neg(B)) },
        { "\"a\" - (-1)", Bin(BinaryOperator.Subtract, A, Num(-1)) },
        { "\"a\" * (-1)", Bin(BinaryOperator.Multiply, A, Num(-1)) },
        { "-1 * \"a\"", Bin(BinaryOperator.Multiply, Num(-1), A) },
        { "-(-\"a\")", Neg(Neg(A)) },
        { "-(-1)", Neg(Num(-1)) },
        { "-(\"a\" + \"b\")", Neg(Bin(BinaryOperator.Add, A, B)) },
        { "+\"a\"", new SqlUnary(UnaryOperator.Plus, A) },
        { "-SUM(\"a\")", Neg(Fn("SUM", A)) },
        // concatenation sits between comparison and addition
        { "\"a\" || \"b\" || \"c\"", Bin(BinaryOperator.Concat, Bin(BinaryOperator.Concat, A, B), C) },
        { "\"a\" || (\"b\" || \"c\")", Bin(BinaryOperator.Concat, A, Bin(BinaryOperator.Concat, B, C)) },
        { "\"a\" || \"b\" + 1", Bin(BinaryOperator.Concat, A, Bin(BinaryOperator.Add, B, Num(1))) },
        { "\"a\" = \"b\" || \"c\"", Eq(A, Bin(BinaryOperator.Concat, B, C)) },
        // comparisons do not chain
        { "(\"a\" = \"b\") = \"c\"", Eq(Eq(A, B), C) },
        { "\"a\" + 1 < \"b\" * 2", Bin(BinaryOperator.Less, Bin(BinaryOperator.Add, A, Num(1)), Bin(BinaryOperator.Multiply, B, Num(2))) },
        // logic: a chain of one operator stays flat; the other operator inside is always parenthesised
        { "\"a\" AND \"b\" AND \"c\"", And(And(A, B), C) },
        { "\"a\" AND \"b\" AND \"c\"", And(A, And(B, C)) },
        { "\"a\" OR (\"b\" AND \"c\")", Or(A, And(B, C)) },
        { "(\"a\" OR \"b\") AND \"c\"", And(Or(A, B), C) },
        { "\"a\" = 1 AND \"b\" = 2", And(Eq(A, Num(1)), Eq(B, Num(2))) },
        { "NOT (\"a\" AND \"b\")", Not(And(A, B)) },
        { "NOT (\"a\" = \"b\")", Not(Eq(A, B)) },
        { "NOT \"a\"", Not(A) },
        { "NOT (NOT \"a\")", Not(Not(A)) },
        { "\"a\" AND NOT \"b\"", And(A, Not(B)) },
        { "(NOT \"a\") = \"b\"", Eq(Not(A), B) },
        // predicates: operands that are predicates (or looser) are parenthesised
        { "\"a\" IS NULL", new SqlIsNull(A, false) },
        { "(\"a\" = \"b\") IS NOT NULL", new SqlIsNull(Eq(A, B), true) },
        { "\"a\" + 1 IS NULL", new SqlIsNull(Bin(BinaryOperator.Add, A, Num(1)), false) },
        { "(\"a\" IS NULL) = (\"b\" IS NULL)", Eq(new SqlIsNull(A, false), new SqlIsNull(B, false)) },
        { "\"a\" IN (1, 2 + 3, \"b\" = \"c\")", new SqlIn(A, [Num(1), Bin(BinaryOperator.Add, Num(2), Num(3)), Eq(B, C)], false) },
        { "(\"a\" AND \"b\") NOT IN (TRUE)", new SqlIn(And(A, B), [SqlLiteral.True], true) },
        { "\"a\" BETWEEN \"b\" AND \"c\" + 1", new SqlBetween(A, B, Bin(BinaryOperator.Add, C, Num(1)), false) },
        { "\"a\" NOT BETWEEN (\"b\" AND \"c\") AND 1", new SqlBetween(A, And(B, C), Num(1), true) },
        { "(\"a\" BETWEEN 1 AND 2) = \"b\"", Eq(new SqlBetween(A, Num(1), Num(2), false), B) },
        { "\"a\" LIKE 'x%'", new SqlLike(A, Str("x%"), false, false) },
        { "\"a\" NOT ILIKE \"b\" || '%'", new SqlLike(A, Bin(BinaryOperator.Concat, B, Str("%")), true, true) },
        { "(\"a\" LIKE 'x') = \"b\"", Eq(new SqlLike(A, Str("x"), false, false), B) },
        // CASE and CAST are primaries; their insides are delimited by keywords
        { "CASE WHEN \"a\" OR \"b\" THEN \"c\" + 1 ELSE -1 END * 2", Bin(BinaryOperator.Multiply, new SqlCase([new SqlWhen(Or(A, B), Bin(BinaryOperator.Add, C, Num(1)))], Num(-1)), Num(2)) },
        { "CAST(\"a\" + \"b\" AS NUMERIC) / 2", Bin(BinaryOperator.Divide, new SqlCast(Bin(BinaryOperator.Add, A, B), ScalarType.Number), Num(2)) },
        // function arguments are delimited by commas and parentheses
        { "COALESCE(\"a\" OR \"b\", \"c\" = 1)", Fn("COALESCE", Or(A, B), Eq(C, Num(1))) },
        // a template that is not a single primary is parenthesised as an operand...
        { "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC') + 1", Bin(BinaryOperator.Add, Fn("CURRENT_TIMESTAMP"), Num(1)) },
        { "(CASE EXTRACT(ISODOW FROM \"a\") WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' WHEN 3 THEN 'Wednesday' WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' WHEN 6 THEN 'Saturday' WHEN 7 THEN 'Sunday' END) || 'x'", Bin(BinaryOperator.Concat, Fn(SqlFunctions.DayOfWeekName, A), Str("x")) },
        // ...and an argument in a template hole that operators surround is parenthesised unless primary
        { "(((\"a\" + \"b\") AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin')", Fn(SqlFunctions.AtTimeZone, Bin(BinaryOperator.Add, A, B), Str("Europe/Berlin")) },
        { "((\"a\" AT TIME ZONE 'UTC') AT TIME ZONE \"b\")", Fn(SqlFunctions.AtTimeZone, A, B) },
        { "(\"d\" + (-1) * INTERVAL '1 day')", Fn("DATE_ADD", Part(DatePart.Day), Num(-1), Col("d")) },
        { "(\"d\" + (\"n\" + 1) * INTERVAL '1 month')", Fn("DATE_ADD", Part(DatePart.Month), Bin(BinaryOperator.Add, Col("n"), Num(1)), Col("d")) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parentheses_follow_precedence(string expected, SqlExpression expression) =>
        Assert.Equal(expected, Dialect.Expression(expression));

    [Fact]
    public void Where_conjuncts_that_are_disjunctions_are_parenthesised()
    {
        var select = Select(Item(A, "a")) with { Where = And(Or(A, B), Or(B, C)), Having = Or(A, B) };

        Assert.Equal(
            """
            SELECT
              "a" AS "a"
            WHERE ("a" OR "b")
              AND ("b" OR "c")
            HAVING "a" OR "b";

            """,
            Dialect.Write(Statement(select), Dialect.PostgresPlain));
    }

    [Fact]
    public void Long_operator_chains_as_deep_as_the_parser_allows_are_written_and_rewritten()
    {
        SqlExpression left = Col("x");
        SqlExpression right = Col("x");
        for (var i = 0; i < 1100; i++)
        {
            left = Bin(BinaryOperator.Divide, left, Num(i + 1));
            right = And(Eq(Col("x"), Num(i)), right);
        }

        var text = Dialect.Write(Statement(Select(Item(left, "l"), Item(right, "r"))), Dialect.Postgres);

        Assert.StartsWith("SELECT\n  CAST(\"x\" AS NUMERIC) / 1 / 2 / 3", text, StringComparison.Ordinal);
        Assert.Contains("\"x\" = 1 AND \"x\" = 0 AND \"x\" AS \"r\"", text, StringComparison.Ordinal);
    }
}
