using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;

namespace StripeModelGen.Compiler.Tests.Dialects.Rewrites;

/// <summary>The walker every rewrite is built on: it reaches every expression and shares what it did not change.</summary>
public sealed class SqlTreeRewriterTests
{
    private static SqlBinary Division(string name) => Bin(BinaryOperator.Divide, Col(name), Num(2));

    /// <summary>A statement with a division in every place an expression can stand.</summary>
    private static SqlStatement Everywhere()
    {
        var inner = Select(Item(Division("derived"), "d")).From(Table("s", "t", "t"));
        var cte = Select(Item(Division("cte"), "c"));
        var values = new SqlValues(["v"], [[Division("values")]]);
        var window = Over([Division("partition")], [Asc(Division("window_order"))]);
        var select = Select(
                Item(Division("item"), "i"),
                Item(new SqlFunction("SUM", [Division("argument")], Filter: Eq(Division("filter"), Num(1)), Window: window), "w"),
                Item(new SqlCase([new SqlWhen(Eq(Division("when"), Num(1)), Division("then"))], Division("else")), "k"),
                Item(new SqlIn(Division("in"), [Division("in_value")], false), "n"),
                Item(new SqlBetween(Division("between"), Division("low"), Division("high"), false), "b"),
                Item(new SqlLike(new SqlCast(Division("cast"), ScalarType.String), Str("%"), false, false), "l"),
                Item(new SqlIsNull(Neg(Division("negated")), true), "z"))
            .From(new SqlDerivedTable(inner, "d")) with
        {
            Ctes = [new SqlCte("c", [], cte), new SqlCte("v", [], values)],
            Joins = [new SqlJoin(SqlJoinType.Left, new SqlDerivedTable(values, "x"), Eq(Division("join"), Num(1)))],
            Where = Eq(Division("where"), Num(1)),
            GroupBy = [Division("group")],
            Having = Eq(Division("having"), Num(1)),
            OrderBy = [Desc(Division("order"))],
        };
        return new SqlCreateView(null, null, "v", new SqlUnionAll([select, Select(Item(Division("union"), "u"))]));
    }

    [Fact]
    public void A_rewrite_reaches_every_expression_of_every_clause()
    {
        var text = Dialect.Write(new DecimalDivision().Apply(Everywhere()), Dialect.PostgresPlain);

        var divisions = text.Split(" / ").Length - 1;
        Assert.Equal(25, divisions); // the VALUES are read twice
        Assert.Equal(divisions, text.Split("AS NUMERIC) / 2").Length - 1);
    }

    [Fact]
    public void Untouched_statements_and_subtrees_are_shared_not_copied()
    {
        var statement = Everywhere();
        Assert.Same(statement, new IgnoreNullsToArrayAgg().Apply(statement));
        Assert.Same(statement, new MaxByToArrayAgg().Apply(statement));

        var select = Select(Item(Fn("MAX_BY", Col("a"), Col("b")), "m"), Item(Col("x"), "x")).From(Table("s", "t", "t"));
        var rewritten = (SqlSelect)((SqlQueryStatement)new MaxByToArrayAgg().Apply(Statement(select))).Query;
        Assert.NotSame(select.Columns[0], rewritten.Columns[0]);
        Assert.Same(select.Columns[1], rewritten.Columns[1]);
        Assert.Same(select.From, rewritten.From);
    }

    [Fact]
    public void Rewrites_are_found_by_the_names_dialect_files_use()
    {
        Assert.Equal(
            ["AggregatesToWindows", "BitsToPredicates", "ConcatNullsAsEmpty", "CtesToTop", "DecimalDivision", "FilterToCase", "GreatestLeastToCase", "IgnoreNullsToArrayAgg", "IgnoreNullsToRunningGroups", "IlikeToLower",
             "LikeBracketsEscaped", "MaxByToArrayAgg", "NullsOrderToCase", "OrderedUnionMembersToDerived", "ParametersBoundOnce", "PercentileToArrayAgg", "PredicatesToBits", "UpperCaseObjectNames", "ValuesToSelect"],
            SqlRewrites.Names.Order(StringComparer.Ordinal));
        Assert.Equal(SqlRewrites.Names.Order(StringComparer.Ordinal), SqlRewrites.Names);
        Assert.All(SqlRewrites.All, r => Assert.Same(r, SqlRewrites.Find(r.Name)));
        Assert.Null(SqlRewrites.Find("decimaldivision"));
    }
}
