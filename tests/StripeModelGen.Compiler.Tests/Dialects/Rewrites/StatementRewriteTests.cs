using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;
using static StripeModelGen.Compiler.Tests.Dialects.Rewrites.RewriteAssert;

namespace StripeModelGen.Compiler.Tests.Dialects.Rewrites;

/// <summary>The rewrites that reshape a statement: NULL ordering, VALUES, nested WITH, ordered UNION members, names, aggregates as windows.</summary>
public sealed class StatementRewriteTests
{
    private static readonly SqlTable Charges = Table("stripe", "charges", "charges");

    private static SqlSelect Grouped(params SqlSelectItem[] measures) =>
        Select([Item(Col("charges", "currency"), "charges.currency"), .. measures]).From(Charges) with { GroupBy = [Col("charges", "currency")] };

    [Fact]
    public void Nulls_last_becomes_a_case_key_reading_the_output_columns_expression()
    {
        var select = Grouped(Item(Fn("SUM", Col("charges", "amount")), "charges.gross")) with
        {
            OrderBy = [Desc(Col("charges.gross"), nullsFirst: false), Asc(Col("charges.currency"), nullsFirst: true), Asc(Col("charges.currency"))],
        };

        Assert.Equal(
            """
            SELECT
              "charges"."currency" AS "charges.currency",
              SUM("charges"."amount") AS "charges.gross"
            FROM "stripe"."charges" AS "charges"
            GROUP BY 1
            ORDER BY CASE WHEN SUM("charges"."amount") IS NULL THEN 1 ELSE 0 END, "charges.gross" DESC, CASE WHEN "charges"."currency" IS NULL THEN 0 ELSE 1 END, "charges.currency", "charges.currency";

            """,
            Rewritten(new NullsOrderToCase(), Statement(select)));
    }

    [Fact]
    public void Nulls_order_in_a_window_becomes_a_case_key()
    {
        var call = new SqlFunction("ROW_NUMBER", [], Window: Over([], [Desc(Col("amount"), nullsFirst: false)]));

        Assert.Equal("ROW_NUMBER() OVER (ORDER BY CASE WHEN \"amount\" IS NULL THEN 1 ELSE 0 END, \"amount\" DESC)", Rewritten(new NullsOrderToCase(), call));
        Untouched(new NullsOrderToCase(), new SqlFunction("ROW_NUMBER", [], Window: Over([], [Desc(Col("amount"))])));
    }

    [Fact]
    public void A_distinct_select_is_ordered_from_outside()
    {
        var select = Select(Item(Col("c", "email"), "email")).From(Table("stripe", "customers", "c")) with
        {
            Distinct = true,
            OrderBy = [Asc(Col("c", "email"), nullsFirst: false)],
            Limit = 5,
            Ctes = [new SqlCte("x", ["a"], new SqlValues(["a"], [[Num(1)]]))],
        };

        Assert.Equal(
            """
            WITH "x" ("a") AS (
              VALUES
                (1)
            )
            SELECT
              "distinct_rows"."email" AS "email"
            FROM (
              SELECT DISTINCT
                "c"."email" AS "email"
              FROM "stripe"."customers" AS "c"
            ) AS "distinct_rows"
            ORDER BY CASE WHEN "distinct_rows"."email" IS NULL THEN 1 ELSE 0 END, "distinct_rows"."email"
            LIMIT 5;

            """,
            Rewritten(new NullsOrderToCase(), Statement(select)));
    }

    [Fact]
    public void A_values_cte_becomes_a_select_from_values()
    {
        var select = Select(Item(Col("v", "a"), "a")).From(new SqlCteReference("v", "v")) with
        {
            Ctes = [new SqlCte("v", ["a", "b"], new SqlValues(["a", "b"], [[Num(1), Str("x")]]))],
        };

        Assert.Equal(
            """
            WITH "v" ("a", "b") AS (
              SELECT
                "values"."a" AS "a",
                "values"."b" AS "b"
              FROM (
                VALUES
                  (1, 'x')
              ) AS "values" ("a", "b")
            )
            SELECT
              "v"."a" AS "a"
            FROM "v" AS "v";

            """,
            Rewritten(new ValuesToSelect(), Statement(select)));
        Untouched(new ValuesToSelect(), Statement(Select(Item(Num(1), "a"))));
    }

    [Fact]
    public void Nested_with_clauses_move_to_the_top_renamed_when_their_name_is_taken()
    {
        var inner = Select(Item(Col("x", "a"), "a")).From(new SqlCteReference("x", "x")) with { Ctes = [new SqlCte("x", ["a"], Select(Item(Num(2), "a")))] };
        var select = Select(Item(Col("d", "a"), "a"), Item(Col("x", "a"), "b")).From(new SqlDerivedTable(inner, "d")) with
        {
            Ctes = [new SqlCte("x", ["a"], Select(Item(Num(1), "a")))],
            Joins = [new SqlJoin(SqlJoinType.Cross, new SqlCteReference("x", "x"), null)],
        };

        Assert.Equal(
            """
            WITH "x" ("a") AS (
              SELECT
                1 AS "a"
            ),
            "x_2" ("a") AS (
              SELECT
                2 AS "a"
            )
            SELECT
              "d"."a" AS "a",
              "x"."a" AS "b"
            FROM (
              SELECT
                "x"."a" AS "a"
              FROM "x_2" AS "x"
            ) AS "d"
            CROSS JOIN "x" AS "x";

            """,
            Rewritten(new CtesToTop(), Statement(select)));
        Untouched(new CtesToTop(), Statement(select with { From = new SqlCteReference("x", "d") }));
    }

    [Fact]
    public void A_union_statement_with_nested_with_gets_a_top_select()
    {
        var member = Select(Item(Col("x", "n"), "n")).From(new SqlCteReference("x", "x")) with { Ctes = [new SqlCte("x", ["n"], Select(Item(Num(2), "n")))] };

        Assert.Equal(
            """
            WITH "x" ("n") AS (
              SELECT
                2 AS "n"
            )
            SELECT
              "union_rows"."n" AS "n"
            FROM (
              SELECT
                1 AS "n"
              UNION ALL
              SELECT
                "x"."n" AS "n"
              FROM "x" AS "x"
            ) AS "union_rows";

            """,
            Rewritten(new CtesToTop(), Statement(new SqlUnionAll([Select(Item(Num(1), "n")), member]))));
    }

    [Fact]
    public void A_parameter_used_twice_is_bound_once_in_a_first_cte_and_read_from_it()
    {
        var customer = new SqlParameter("customer");
        var select = Select(Item(Col("charges", "id"), "charges.id")).From(Charges) with
        {
            Ctes = [new SqlCte("currency_exponents", ["currency"], new SqlValues(["currency"], [[Str("jpy")]]))],
            Where = And(
                Or(Eq(Col("charges", "customer_id"), customer), Eq(Fn("LOWER", Col("customers", "email")), Fn("LOWER", customer))),
                Eq(Col("charges", "invoice_id"), new SqlParameter("invoice"))),
        };

        Assert.Equal(
            """
            WITH "parameters" AS (
              SELECT
                @customer AS "customer"
            ),
            "currency_exponents" ("currency") AS (
              VALUES
                ('jpy')
            )
            SELECT
              "charges"."id" AS "charges.id"
            FROM "stripe"."charges" AS "charges"
            WHERE ("charges"."customer_id" = (SELECT "customer" FROM "parameters") OR LOWER("customers"."email") = LOWER((SELECT "customer" FROM "parameters")))
              AND "charges"."invoice_id" = @invoice;

            """,
            Rewritten(new ParametersBoundOnce(), Statement(select)));
    }

    [Fact]
    public void Parameters_used_once_are_left_alone()
    {
        Untouched(new ParametersBoundOnce(), Statement(Select(Item(Col("charges", "id"), "id")).From(Charges) with { Where = Eq(Col("charges", "customer_id"), new SqlParameter("customer")) }));
        Untouched(new ParametersBoundOnce(), Statement(Select(Item(Num(1), "n"))));
    }

    [Fact]
    public void The_parameters_cte_takes_a_free_name_and_a_union_statement_gets_a_top_select()
    {
        var day = new SqlParameter("day");
        var member = Select(Item(Col("p", "n"), "n")).From(new SqlCteReference("parameters", "p")) with
        {
            Ctes = [new SqlCte("parameters", ["n"], Select(Item(Num(2), "n")))],
            Where = Bin(BinaryOperator.GreaterOrEqual, Col("p", "n"), day),
        };

        Assert.Equal(
            """
            WITH "parameters_2" AS (
              SELECT
                @day AS "day"
            )
            SELECT
              "union_rows"."n" AS "n"
            FROM (
              SELECT
                1 AS "n"
              WHERE (SELECT "day" FROM "parameters_2") > 0
              UNION ALL
              (
                WITH "parameters" ("n") AS (
                  SELECT
                    2 AS "n"
                )
                SELECT
                  "p"."n" AS "n"
                FROM "parameters" AS "p"
                WHERE "p"."n" >= (SELECT "day" FROM "parameters_2")
              )
            ) AS "union_rows";

            """,
            Rewritten(new ParametersBoundOnce(), Statement(new SqlUnionAll([Select(Item(Num(1), "n")) with { Where = Bin(BinaryOperator.Greater, day, Num(0)) }, member]))));
    }

    [Fact]
    public void A_limited_union_member_is_read_from_a_derived_table_and_an_ordered_one_loses_its_order()
    {
        var limited = Select(Item(Col("c", "id"), "n")).From(Table("stripe", "charges", "c")) with { OrderBy = [Asc(Col("c", "id"))], Limit = 3 };
        var ordered = Select(Item(Num(2), "n")) with { OrderBy = [Asc(Num(1))] };

        Assert.Equal(
            """
            SELECT
              "union_member"."n" AS "n"
            FROM (
              SELECT
                "c"."id" AS "n"
              FROM "stripe"."charges" AS "c"
              ORDER BY "c"."id"
              LIMIT 3
            ) AS "union_member"
            UNION ALL
            SELECT
              2 AS "n";

            """,
            Rewritten(new OrderedUnionMembersToDerived(), Statement(new SqlUnionAll([limited, ordered]))));
    }

    [Fact]
    public void Warehouse_names_are_upper_cased_and_the_compilers_own_names_kept()
    {
        var select = Select(Item(Col("charges", "amount"), "charges.amount"), Item(Col("fx", "rate"), "rate"))
            .From(Charges) with
        {
            Joins = [new SqlJoin(SqlJoinType.Left, new SqlCteReference("fx", "fx"), Eq(Col("fx", "currency"), Col("charges", "currency")))],
            OrderBy = [Asc(Col("charges.amount"))],
        };

        Assert.Equal(
            """
            SELECT
              "charges"."AMOUNT" AS "charges.amount",
              "fx"."rate" AS "rate"
            FROM "STRIPE"."CHARGES" AS "charges"
            LEFT JOIN "fx" AS "fx" ON "fx"."currency" = "charges"."CURRENCY"
            ORDER BY "charges.amount";

            """,
            Rewritten(new UpperCaseObjectNames(), Statement(select)));
        Assert.Equal(
            "CREATE OR REPLACE VIEW \"ANALYTICS\".\"CHARGES\" AS\nSELECT\n  \"charges\".\"AMOUNT\" AS \"AMOUNT\"\nFROM \"STRIPE\".\"CHARGES\" AS \"charges\";\n",
            Rewritten(new UpperCaseObjectNames(), new SqlCreateView(null, "analytics", "charges", Select(Item(Col("charges", "amount"), "amount")).From(Charges))));
    }

    [Fact]
    public void Percentiles_and_max_by_are_computed_as_windows_over_each_groups_rows()
    {
        var paid = Eq(Col("charges", "status"), Str("paid"));
        var select = Grouped(
                Item(Fn("MEDIAN", Col("charges", "amount")), "median"),
                Item(new SqlFunction("PERCENTILE", [Col("charges", "amount"), Num(90)], Filter: paid), "p90"),
                Item(Fn("MAX_BY", Col("charges", "id"), Col("charges", "created")), "latest"),
                Item(Bin(BinaryOperator.Divide, Fn("SUM", Col("charges", "amount")), new SqlFunction("COUNT", [], Star: true)), "average"))
            with
        {
            Where = Eq(Col("charges", "livemode"), SqlLiteral.True),
            Having = Bin(BinaryOperator.Greater, new SqlFunction("COUNT", [], Star: true), Num(1)),
            OrderBy = [Desc(Col("median"))],
            Limit = 10,
        };

        Assert.Equal(
            """
            SELECT
              "window_rows"."k_1" AS "charges.currency",
              MAX("window_rows"."w_1") AS "median",
              MAX("window_rows"."w_2") AS "p90",
              MAX("window_rows"."w_3") AS "latest",
              SUM("window_rows"."a_1") / COUNT(*) AS "average"
            FROM (
              SELECT
                "charges"."currency" AS "k_1",
                "charges"."amount" AS "a_1",
                PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "charges"."amount") OVER (PARTITION BY "charges"."currency") AS "w_1",
                PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY CASE WHEN "charges"."status" = 'paid' THEN "charges"."amount" END) OVER (PARTITION BY "charges"."currency") AS "w_2",
                CASE WHEN MAX("charges"."created") OVER (PARTITION BY "charges"."currency") IS NULL THEN NULL ELSE FIRST_VALUE("charges"."id") OVER (PARTITION BY "charges"."currency" ORDER BY "charges"."created" DESC NULLS LAST) END AS "w_3"
              FROM "stripe"."charges" AS "charges"
              WHERE "charges"."livemode" = TRUE
            ) AS "window_rows"
            GROUP BY 1
            HAVING COUNT(*) > 1
            ORDER BY "median" DESC
            LIMIT 10;

            """,
            Rewritten(new AggregatesToWindows(), Statement(select)));
    }

    [Fact]
    public void A_windowed_median_over_a_partition_is_the_window_function_itself()
    {
        Assert.Equal(
            "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY \"amount\") OVER (PARTITION BY \"currency\")",
            Rewritten(new AggregatesToWindows(), new SqlFunction("MEDIAN", [Col("amount")], Window: Over([Col("currency")], []))));
    }

    [Fact]
    public void What_does_not_fit_a_window_is_left_for_the_writer_to_report()
    {
        var rewrite = new AggregatesToWindows();
        // A percentile that is not a literal, a DISTINCT median, a column outside any aggregate that is no key.
        Untouched(rewrite, Statement(Grouped(Item(Fn("PERCENTILE", Col("charges", "amount"), Col("charges", "p")), "p"))));
        Untouched(rewrite, Statement(Grouped(Item(new SqlFunction("MEDIAN", [Col("charges", "amount")], Distinct: true), "m"))));
        Untouched(rewrite, Statement(Grouped(Item(Fn("MEDIAN", Col("charges", "amount")), "m"), Item(Col("charges", "status"), "s"))));
        Untouched(rewrite, Statement(Grouped(Item(Fn("SUM", Col("charges", "amount")), "s"))));
    }

    [Fact]
    public void Last_non_null_values_come_from_running_groups()
    {
        var window = Over([Col("r", "customer_id")], [Asc(Col("r", "created"))], Rows(FrameBoundKind.UnboundedPreceding, 0, FrameBoundKind.Preceding, 1));
        var previous = new SqlFunction("LAST_VALUE", [Col("r", "mrr")], NullTreatment: NullTreatment.IgnoreNulls, Window: window);
        var select = Select(Item(Col("r", "customer_id"), "customer_id"), Item(Fn("COALESCE", previous, Num(0)), "previous_mrr"))
            .From(new SqlCteReference("running", "r")) with { Where = Bin(BinaryOperator.Greater, Col("r", "mrr"), Num(-1)) };

        Assert.Equal(
            """
            SELECT
              "ignore_nulls_groups"."c_1" AS "customer_id",
              COALESCE(LAG("ignore_nulls_groups"."v_1", 1) OVER (PARTITION BY "ignore_nulls_groups"."c_1" ORDER BY "ignore_nulls_groups"."c_3"), 0) AS "previous_mrr"
            FROM (
              SELECT
                "ignore_nulls_rows"."c_1" AS "c_1",
                "ignore_nulls_rows"."c_2" AS "c_2",
                "ignore_nulls_rows"."c_3" AS "c_3",
                "ignore_nulls_rows"."x_1" AS "x_1",
                "ignore_nulls_rows"."n_1" AS "n_1",
                MAX("ignore_nulls_rows"."x_1") OVER (PARTITION BY "ignore_nulls_rows"."c_1", "ignore_nulls_rows"."n_1") AS "v_1"
              FROM (
                SELECT
                  "r"."customer_id" AS "c_1",
                  "r"."mrr" AS "c_2",
                  "r"."created" AS "c_3",
                  "r"."mrr" AS "x_1",
                  COUNT("r"."mrr") OVER (PARTITION BY "r"."customer_id" ORDER BY "r"."created" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "n_1"
                FROM "running" AS "r"
                WHERE "r"."mrr" > -1
              ) AS "ignore_nulls_rows"
            ) AS "ignore_nulls_groups";

            """,
            Rewritten(new IgnoreNullsToRunningGroups(), Statement(select)));
    }

    [Theory]
    [InlineData(new[] { 5, 0, 0, 7, 0 }, new[] { 0, 5, 5, 5, 7 })]
    [InlineData(new[] { 0, 0, 3 }, new[] { 0, 0, 0 })]
    public void Running_groups_give_the_last_non_null_before_each_row(int[] values, int[] expected)
    {
        // 0 stands for NULL: n counts non-NULL values up to the row, v is the one non-NULL value of each
        // (partition, n) group, and the frame ending one row back reads v one row back (LAG); COALESCE(..., 0).
        var x = values.Select(v => v == 0 ? (int?)null : v).ToArray();
        var n = x.Select((_, i) => x.Take(i + 1).Count(v => v is not null)).ToArray();
        var v = n.Select(g => x.Where((_, i) => n[i] == g).Max()).ToArray();
        var previous = v.Select((_, i) => i == 0 ? null : v[i - 1]).Select(p => p ?? 0);
        Assert.Equal(expected, previous);
    }

    [Fact]
    public void Ignore_nulls_the_groups_cannot_express_is_left_alone()
    {
        var window = Over([Col("r", "k")], [Asc(Col("r", "t"))]);
        Untouched(new IgnoreNullsToRunningGroups(), Statement(Select(Item(new SqlFunction("LAG", [Col("r", "x"), Num(2)], NullTreatment: NullTreatment.IgnoreNulls, Window: window), "x")).From(new SqlCteReference("r", "r"))));
        Untouched(new IgnoreNullsToRunningGroups(), Statement(Select(Item(new SqlFunction("FIRST_VALUE", [Col("r", "x")], NullTreatment: NullTreatment.IgnoreNulls, Window: window), "x")).From(new SqlCteReference("r", "r"))));
    }
}
