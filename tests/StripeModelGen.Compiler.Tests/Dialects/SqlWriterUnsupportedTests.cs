using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>What a dialect cannot express is an SMG402x error naming the construct and the dialect, and no SQL: never a guess.</summary>
public sealed class SqlWriterUnsupportedTests
{
    private static DialectSpec Without(Func<DialectCapabilities, DialectCapabilities> change) =>
        Dialect.Postgres with { Capabilities = change(Dialect.Postgres.Capabilities) };

    private static string Message(SqlExpression expression, DialectSpec dialect)
    {
        var diagnostic = Assert.Single(Dialect.Errors(SelectExpression(expression), dialect));
        Assert.Null(diagnostic.Location);
        return $"{diagnostic.Id}: {diagnostic.Message}";
    }

    [Fact]
    public void Filter_without_the_clause_or_a_rewrite_is_reported() =>
        Assert.Equal(
            "SMG4020: `FILTER (WHERE ...)` on `SUM` cannot be expressed in dialect `postgres`",
            Message(new SqlFunction("SUM", [Col("a")], Filter: Col("p")), Without(c => c with { FilterClause = false })));

    [Fact]
    public void Ignore_nulls_without_the_syntax_or_a_rewrite_is_reported() =>
        Assert.Equal(
            "SMG4020: `IGNORE NULLS` on `LAST_VALUE` cannot be expressed in dialect `postgres`",
            Message(new SqlFunction("LAST_VALUE", [Col("a")], NullTreatment: NullTreatment.IgnoreNulls, Window: Over([], [Asc(Col("t"))])), Dialect.PostgresPlain));

    [Fact]
    public void A_dialect_with_the_syntax_writes_it_after_the_call()
    {
        var withNulls = Dialect.PostgresPlain with { Capabilities = Dialect.Postgres.Capabilities with { IgnoreNulls = true } };
        var window = Over([], [Asc(Col("t"))]);

        Assert.Equal("LAST_VALUE(\"a\") IGNORE NULLS OVER (ORDER BY \"t\")", Dialect.Expression(new SqlFunction("LAST_VALUE", [Col("a")], NullTreatment: NullTreatment.IgnoreNulls, Window: window), withNulls));
        Assert.Equal("LAG(\"a\") RESPECT NULLS OVER (ORDER BY \"t\")", Dialect.Expression(new SqlFunction("LAG", [Col("a")], NullTreatment: NullTreatment.RespectNulls, Window: window), withNulls));
        Assert.Equal("LAG(\"a\") OVER (ORDER BY \"t\")", Dialect.Expression(new SqlFunction("LAG", [Col("a")], NullTreatment: NullTreatment.RespectNulls, Window: window), Dialect.PostgresPlain));
    }

    [Fact]
    public void An_ordered_set_aggregate_over_a_window_is_reported() =>
        Assert.Equal(
            "SMG4020: `MEDIAN(...) OVER (...)` cannot be expressed in dialect `postgres`",
            Message(new SqlFunction("MEDIAN", [Col("a")], Window: Over([Col("k")], [])), Dialect.Postgres));

    [Fact]
    public void Distinct_where_the_template_has_no_place_for_it_is_reported() =>
        Assert.Equal(
            "SMG4020: `DISTINCT` in `MEDIAN` cannot be expressed in dialect `postgres`",
            Message(new SqlFunction("MEDIAN", [Col("a")], Distinct: true), Dialect.Postgres));

    [Fact]
    public void A_function_without_a_template_is_reported()
    {
        Assert.Equal("SMG4021: Function `FOO` has no template in dialect `postgres`", Message(Fn("FOO", Col("a")), Dialect.Postgres));
        Assert.Equal("SMG4021: Function `MAX_BY` has no template in dialect `postgres`", Message(Fn("MAX_BY", Col("a"), Col("b")), Dialect.PostgresPlain));
    }

    [Fact]
    public void Nulls_first_or_last_without_the_syntax_is_reported()
    {
        var select = Select(Item(Col("a"), "a")) with { OrderBy = [Desc(Col("a"), nullsFirst: false)] };

        var diagnostic = Assert.Single(Dialect.Errors(Statement(select), Without(c => c with { NullsFirstLast = false })));
        Assert.Equal("`NULLS LAST` cannot be expressed in dialect `postgres`", diagnostic.Message);
    }

    [Fact]
    public void A_yes_no_value_in_a_select_list_is_reported_where_the_dialect_has_no_booleans()
    {
        var noBooleans = Without(c => c with { BooleanValues = false });

        Assert.Equal("SMG4020: A yes/no value in a SELECT list cannot be expressed in dialect `postgres`", Message(Eq(Col("a"), Num(1)), noBooleans));
        Assert.Equal("CASE WHEN \"a\" = 1 THEN 1 ELSE 0 END", Dialect.Expression(new SqlCase([new SqlWhen(Eq(Col("a"), Num(1)), Num(1))], Num(0)), noBooleans));
    }

    [Fact]
    public void Ilike_and_concatenation_are_reported_where_the_dialect_lacks_them()
    {
        Assert.Equal("SMG4020: `ILIKE` cannot be expressed in dialect `postgres`", Message(new SqlLike(Col("a"), Str("x%"), true, false), Without(c => c with { Ilike = false })));
        Assert.Equal("SMG4020: The `||` operator cannot be expressed in dialect `postgres`", Message(Bin(BinaryOperator.Concat, Col("a"), Col("b")), Dialect.Postgres with { ConcatOperator = string.Empty }));
    }

    [Fact]
    public void The_like_escape_clause_follows_every_pattern()
    {
        var escaping = Dialect.PostgresPlain with { LikeEscapeClause = "ESCAPE '\\'" };

        Assert.Equal("\"a\" LIKE 'x\\_%' ESCAPE '\\'", Dialect.Expression(new SqlLike(Col("a"), Str("x\\_%"), false, false), escaping));
    }

    [Fact]
    public void The_same_problem_is_reported_once_per_statement_and_every_distinct_one_is_reported()
    {
        var median = new SqlFunction("MEDIAN", [Col("a")], Window: Over([], []));
        var select = Select(Item(median, "m1"), Item(median, "m2"), Item(Str("\0"), "s"));

        Assert.Equal(["SMG4020", "SMG4022"], Dialect.Errors(Statement(select), Dialect.Postgres).Select(d => d.Id));
    }
}
