using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>The writer's clause layout, one test per statement and query node kind, comparing the whole text.</summary>
public sealed class SqlWriterLayoutTests
{
    [Fact]
    public void A_select_has_one_clause_per_line_and_one_item_per_line()
    {
        var select = Select(
                Item(Col("c", "customer_id"), "customer_id"),
                Item(Fn("SUM", Col("c", "amount")), "gross"))
            .From(Table("stripe", "charges", "c")) with
        {
            Joins =
            [
                new SqlJoin(SqlJoinType.Left, Table("stripe", "customers", "cu"), Eq(Col("c", "customer_id"), Col("cu", "id"))),
                new SqlJoin(SqlJoinType.Inner, new SqlCteReference("currencies", "cur"), Eq(Col("c", "currency"), Col("cur", "code"))),
                new SqlJoin(SqlJoinType.Full, Table("stripe", "refunds", "r"), Eq(Col("r", "charge_id"), Col("c", "id"))),
                new SqlJoin(SqlJoinType.Cross, Table("stripe", "accounts", "a"), null),
            ],
            Where = And(And(Eq(Col("c", "status"), Str("succeeded")), Or(Col("c", "paid"), Col("c", "captured"))), new SqlIsNull(Col("c", "deleted"), false)),
            GroupBy = [Col("c", "customer_id")],
            Having = Bin(BinaryOperator.Greater, Fn("SUM", Col("c", "amount")), Num(0)),
            OrderBy = [Desc(Fn("SUM", Col("c", "amount")), nullsFirst: false), Asc(Col("c", "customer_id"))],
            Limit = 10,
        };

        Assert.Equal(
            """
            SELECT
              "c"."customer_id" AS "customer_id",
              SUM("c"."amount") AS "gross"
            FROM "stripe"."charges" AS "c"
            LEFT JOIN "stripe"."customers" AS "cu" ON "c"."customer_id" = "cu"."id"
            INNER JOIN "currencies" AS "cur" ON "c"."currency" = "cur"."code"
            FULL JOIN "stripe"."refunds" AS "r" ON "r"."charge_id" = "c"."id"
            CROSS JOIN "stripe"."accounts" AS "a"
            WHERE "c"."status" = 'succeeded'
              AND ("c"."paid" OR "c"."captured")
              AND "c"."deleted" IS NULL
            GROUP BY 1
            HAVING SUM("c"."amount") > 0
            ORDER BY SUM("c"."amount") DESC NULLS LAST, "c"."customer_id"
            LIMIT 10;

            """,
            Dialect.Write(Statement(select), Dialect.Postgres));
    }

    [Theory]
    [InlineData("postgres", "CROSS JOIN LATERAL UNNEST(STRING_TO_ARRAY(\"s\".\"discounts\", ',')) AS \"d\" (\"value\")", "TRIM(\"d\".\"value\")")]
    [InlineData("snowflake", "CROSS JOIN LATERAL SPLIT_TO_TABLE(\"s\".\"DISCOUNTS\", ',') AS \"d\"", "TRIM(\"d\".VALUE)")]
    [InlineData("trino", "CROSS JOIN UNNEST(split(\"s\".\"discounts\", ',')) AS \"d\" (\"value\")", "trim(\"d\".\"value\")")]
    [InlineData("sqlserver", "CROSS APPLY STRING_SPLIT([s].[discounts], N',') AS [d]", "TRIM([d].[value])")]
    public void A_split_join_is_written_from_the_dialects_templates(string dialect, string join, string element)
    {
        var select = Select(Item(new SqlSplitValue("d"), "discount_id")).From(Table("stripe", "subscriptions", "s")) with
        {
            Joins = [new SqlJoin(SqlJoinType.Cross, new SqlSplitSource(Col("s", "discounts"), ",", "d"), null)],
        };

        var text = Dialect.Write(Statement(select), Dialect.Of(dialect + ".yml"));

        Assert.Equal(join, text.Split('\n')[3].TrimEnd(';'));
        Assert.Contains(element + " AS ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_source_is_only_cross_joined()
    {
        var split = new SqlSplitSource(Col("s", "discounts"), ",", "d");
        var diagnostics = new StripeModelGen.Compiler.Diagnostics.DiagnosticBag();
        Assert.Throws<ArgumentException>(() => SqlWriter.Write(Statement(Select(Item(Num(1), "a")).From(split)), Dialect.Postgres, diagnostics));
        Assert.Throws<ArgumentException>(() => SqlWriter.Write(
            Statement(Select(Item(Num(1), "a")).From(Table("stripe", "t", "t")) with { Joins = [new SqlJoin(SqlJoinType.Left, split, Eq(Num(1), Num(1)))] }),
            Dialect.Postgres,
            diagnostics));
    }

    [Fact]
    public void A_raw_source_is_written_as_given_under_its_quoted_alias()
    {
        var select = Select(Item(Col("c", "id"), "id")).From(new SqlRawSource("{{ ref('stg_stripe__charges') }}", "c"));

        Assert.Equal(
            """
            SELECT
              "c"."id" AS "id"
            FROM {{ ref('stg_stripe__charges') }} AS "c";

            """,
            Dialect.Write(Statement(select), Dialect.Postgres));
    }

    [Fact]
    public void Ctes_nest_their_queries_and_a_values_cte_names_its_columns()
    {
        var currencies = new SqlValues(["currency", "exponent"], [[Str("jpy"), Num(0)], [Str("kwd"), Num(3)]]);
        var select = Select(Item(Col("e", "exponent"), "exponent")).From(new SqlCteReference("exponents", "e")) with
        {
            Ctes =
            [
                new SqlCte("exponents", [], currencies),
                new SqlCte("named", ["a"], Select(Item(Num(1), "a")) with { Distinct = true }),
            ],
        };

        Assert.Equal(
            """
            WITH "exponents" ("currency", "exponent") AS (
              VALUES
                ('jpy', 0),
                ('kwd', 3)
            ),
            "named" ("a") AS (
              SELECT DISTINCT
                1 AS "a"
            )
            SELECT
              "e"."exponent" AS "exponent"
            FROM "exponents" AS "e";

            """,
            Dialect.Write(Statement(select), Dialect.Postgres));
    }

    [Fact]
    public void A_cte_value_is_a_scalar_subquery_reading_the_column()
    {
        var select = Select(Item(Col("c", "id"), "id")).From(Table("stripe", "charges", "c")) with
        {
            Ctes = [new SqlCte("parameters", [], Select(Item(new SqlParameter("customer"), "customer")))],
            Where = Or(Eq(Col("c", "customer_id"), new SqlCteValue("parameters", "customer")), Eq(Fn("LOWER", Col("c", "email")), Fn("LOWER", new SqlCteValue("parameters", "customer")))),
        };

        Assert.Equal(
            """
            WITH "parameters" AS (
              SELECT
                @customer AS "customer"
            )
            SELECT
              "c"."id" AS "id"
            FROM "stripe"."charges" AS "c"
            WHERE "c"."customer_id" = (SELECT "customer" FROM "parameters") OR LOWER("c"."email") = LOWER((SELECT "customer" FROM "parameters"));

            """,
            Dialect.Write(Statement(select), Dialect.Postgres));
    }

    [Fact]
    public void Derived_tables_are_indented_and_aliased_and_values_name_their_columns()
    {
        var inner = Select(Item(Col("c", "id"), "id")).From(Table("stripe", "charges", "c"));
        var values = new SqlValues(["code"], [[Str("usd")]]);
        var select = Select(Item(Col("d", "id"), "id")).From(new SqlDerivedTable(inner, "d")) with
        {
            Joins = [new SqlJoin(SqlJoinType.Left, new SqlDerivedTable(values, "v"), Eq(Col("v", "code"), Col("d", "id")))],
        };

        Assert.Equal(
            """
            SELECT
              "d"."id" AS "id"
            FROM (
              SELECT
                "c"."id" AS "id"
              FROM "stripe"."charges" AS "c"
            ) AS "d"
            LEFT JOIN (
              VALUES
                ('usd')
            ) AS "v" ("code") ON "v"."code" = "d"."id";

            """,
            Dialect.Write(Statement(select), Dialect.Postgres));
    }

    [Fact]
    public void Values_alone_are_read_through_a_derived_table_that_names_the_columns()
    {
        var values = new SqlValues(["currency", "exponent"], [[Str("jpy"), Num(0)], [Str("usd"), Num(2)]]);

        Assert.Equal(
            """
            SELECT *
            FROM (
              VALUES
                ('jpy', 0),
                ('usd', 2)
            ) AS "values" ("currency", "exponent");

            """,
            Dialect.Write(Statement(values), Dialect.Postgres));
    }

    [Fact]
    public void Union_all_members_are_flattened_and_those_with_order_or_limit_parenthesised()
    {
        var first = Select(Item(Num(1), "n"));
        var limited = Select(Item(Col("t", "n"), "n")).From(Table("s", "t", "t")) with { OrderBy = [Asc(Col("t", "n"))], Limit = 1 };
        var union = new SqlUnionAll([first, new SqlUnionAll([limited, new SqlValues(["n"], [[Num(3)]])])]);

        Assert.Equal(
            """
            SELECT
              1 AS "n"
            UNION ALL
            (
              SELECT
                "t"."n" AS "n"
              FROM "s"."t" AS "t"
              ORDER BY "t"."n"
              LIMIT 1
            )
            UNION ALL
            SELECT *
            FROM (
              VALUES
                (3)
            ) AS "values" ("n");

            """,
            Dialect.Write(Statement(union), Dialect.Postgres));
    }

    [Fact]
    public void Create_view_follows_the_dialect_template()
    {
        var view = new SqlCreateView("analytics", "stripe_models", "charges", Select(Item(Col("c", "id"), "id")).From(Table("stripe", "charges", "c")));

        Assert.Equal(
            """
            CREATE OR REPLACE VIEW "analytics"."stripe_models"."charges" AS
            SELECT
              "c"."id" AS "id"
            FROM "stripe"."charges" AS "c";

            """,
            Dialect.Write(view, Dialect.Postgres));
        Assert.StartsWith("CREATE OR REPLACE VIEW \"v\" AS\n", Dialect.Write(new SqlCreateView(null, null, "v", Select(Item(Num(1), "a"))), Dialect.Postgres), StringComparison.Ordinal);
    }

    [Fact]
    public void Group_by_uses_ordinals_only_for_select_items_and_only_where_the_dialect_allows()
    {
        var month = Fn("DATE_TRUNC", Part(DatePart.Month), Col("c", "created"));
        var select = Select(Item(month, "month"), Item(Fn("COUNT", Col("c", "id")), "n")).From(Table("stripe", "charges", "c")) with
        {
            GroupBy = [month, Col("c", "currency")],
        };

        Assert.Contains("\nGROUP BY 1, \"c\".\"currency\";\n", Dialect.Write(Statement(select), Dialect.Postgres), StringComparison.Ordinal);
        var expressions = Dialect.Postgres with { Capabilities = Dialect.Postgres.Capabilities with { GroupByOrdinal = false } };
        Assert.Contains(
            "\nGROUP BY DATE_TRUNC('month', CAST(\"c\".\"created\" AS TIMESTAMP)), \"c\".\"currency\";\n",
            Dialect.Write(Statement(select), expressions),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LimitStyle.Limit, "SELECT\n  1 AS \"a\"\nORDER BY 1\nLIMIT 5;\n")]
    [InlineData(LimitStyle.Top, "SELECT TOP (5)\n  1 AS \"a\"\nORDER BY 1;\n")]
    [InlineData(LimitStyle.Fetch, "SELECT\n  1 AS \"a\"\nORDER BY 1\nOFFSET 0 ROWS\nFETCH NEXT 5 ROWS ONLY;\n")]
    public void The_limit_follows_the_dialect_style(LimitStyle style, string expected)
    {
        var select = Select(Item(Num(1), "a")) with { OrderBy = [Asc(Num(1))], Limit = 5 };

        Assert.Equal(expected, Dialect.Write(Statement(select), Dialect.Postgres with { LimitStyle = style }));
    }

    [Fact]
    public void Distinct_comes_before_top()
    {
        var select = Select(Item(Num(1), "a")) with { Distinct = true, Limit = 3 };

        Assert.Equal("SELECT DISTINCT TOP (3)\n  1 AS \"a\";\n", Dialect.Write(Statement(select), Dialect.Postgres with { LimitStyle = LimitStyle.Top }));
    }

    [Fact]
    public void Window_specs_render_partition_order_and_frame()
    {
        var window = Over(
            [Col("e", "customer_id")],
            [Asc(Col("e", "ts")), Desc(Col("e", "id"), nullsFirst: true)],
            Rows(FrameBoundKind.UnboundedPreceding, 0, FrameBoundKind.Preceding, 1));
        var sum = new SqlFunction("SUM", [Col("e", "mrr_change")], Window: window);
        var range = new SqlFunction("COUNT", [], Star: true, Window: Over([], [Asc(Col("e", "ts"))], new BoundFrame(FrameUnit.Range, new BoundFrameBound(FrameBoundKind.CurrentRow), new BoundFrameBound(FrameBoundKind.UnboundedFollowing))));
        var rank = new SqlFunction("ROW_NUMBER", [], Window: Over([], []));

        Assert.Equal(
            "SUM(\"e\".\"mrr_change\") OVER (PARTITION BY \"e\".\"customer_id\" ORDER BY \"e\".\"ts\", \"e\".\"id\" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)",
            Dialect.Expression(sum));
        Assert.Equal("COUNT(*) OVER (ORDER BY \"e\".\"ts\" RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)", Dialect.Expression(range));
        Assert.Equal("ROW_NUMBER() OVER ()", Dialect.Expression(rank));
        Assert.Equal(
            "LAG(\"x\", 2) OVER (ORDER BY \"t\" ROWS BETWEEN 3 FOLLOWING AND UNBOUNDED FOLLOWING)",
            Dialect.Expression(new SqlFunction("LAG", [Col("x"), Num(2)], Window: Over([], [Asc(Col("t"))], Rows(FrameBoundKind.Following, 3, FrameBoundKind.UnboundedFollowing)))));
    }

    [Fact]
    public void Filter_distinct_and_star_are_written_where_the_dialect_has_them()
    {
        Assert.Equal("COUNT(*) FILTER (WHERE \"s\" = 'paid')", Dialect.Expression(new SqlFunction("COUNT", [], Star: true, Filter: Eq(Col("s"), Str("paid")))));
        Assert.Equal("COUNT(DISTINCT \"c\".\"id\")", Dialect.Expression(new SqlFunction("COUNT", [Col("c", "id")], Distinct: true)));
        Assert.Equal(
            "SUM(\"a\") FILTER (WHERE \"p\") OVER (PARTITION BY \"k\")",
            Dialect.Expression(new SqlFunction("SUM", [Col("a")], Filter: Col("p"), Window: Over([Col("k")], []))));
    }

    [Fact]
    public void Output_is_deterministic_and_ends_with_a_semicolon_and_newline()
    {
        var statement = Statement(Select(Item(Bin(BinaryOperator.Divide, Num(1.5m), Num(3)), "x")));
        var first = Dialect.Write(statement, Dialect.Postgres);

        Assert.Equal(first, Dialect.Write(statement, Dialect.Postgres));
        Assert.EndsWith(";\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Trees_the_lowerer_should_never_build_are_bugs_not_diagnostics()
    {
        var diagnostics = new Diagnostics.DiagnosticBag();
        Assert.Throws<ArgumentException>(() => SqlWriter.Write(Statement(SqlSelect.Empty), Dialect.Postgres, diagnostics));
        Assert.Throws<ArgumentException>(() => SqlWriter.Write(
            Statement(Select(Item(Num(1), "a")).From(Table("s", "t", "t")) with { Joins = [new SqlJoin(SqlJoinType.Left, Table("s", "u", "u"), null)] }),
            Dialect.Postgres,
            diagnostics));
        Assert.Throws<ArgumentException>(() => SqlWriter.Write(Ast.SelectExpression(new SqlCast(Num(1), ScalarType.Any)), Dialect.Postgres, diagnostics));
        Assert.Throws<ArgumentException>(() => SqlWriter.Write(Ast.SelectExpression(Part(DatePart.Day)), Dialect.Postgres, diagnostics));
        Assert.Throws<ArgumentException>(() => SqlWriter.Write(Statement(new SqlValues(["a"], [[Num(1), Num(2)]])), Dialect.Postgres, diagnostics));
        // What the source lacks is reported before writing (SourceGaps); a mark reaching the writer is a bug.
        Assert.Throws<ArgumentException>(() => SqlWriter.Write(Ast.SelectExpression(new SqlMissingColumn("t", "c")), Dialect.Postgres, diagnostics));
        Assert.Throws<ArgumentException>(() => SqlWriter.Write(Statement(Select(Item(Num(1), "a")).From(new SqlMissingTable("t", "t"))), Dialect.Postgres, diagnostics));
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void Every_query_and_statement_kind_is_covered_by_these_tests()
    {
        // A new node kind must get a layout test (and a case in the writer) before it can be lowered.
        var kinds = typeof(SqlQuery).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(SqlQuery)) || t.IsSubclassOf(typeof(SqlStatement)) || t.IsSubclassOf(typeof(SqlSource)) || t.IsSubclassOf(typeof(SqlExpression))))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            ["SqlBetween", "SqlBinary", "SqlCase", "SqlCast", "SqlColumn", "SqlCreateView", "SqlCteReference", "SqlCteValue", "SqlDatePart", "SqlDerivedTable", "SqlFunction", "SqlIn", "SqlIsNull", "SqlLike", "SqlLiteral", "SqlMissingColumn", "SqlMissingTable", "SqlParameter", "SqlQueryStatement", "SqlRawSource", "SqlSelect", "SqlSplitSource", "SqlSplitValue", "SqlTable", "SqlUnary", "SqlUnionAll", "SqlValues"],
            kinds);
    }
}
