using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>What differs between the shipped dialects, written by their own files: names, literals, limits, parameters, LIKE, time zones, views.</summary>
public sealed class ShippedDialectWriterTests
{
    private static string Expression(SqlExpression expression, string dialect) => Dialect.Expression(expression, Dialect.All[dialect]);

    private static string Write(SqlStatement statement, string dialect) => Dialect.Write(statement, Dialect.All[dialect]);

    private static Diagnostic Error(SqlStatement statement, string dialect) => Assert.Single(Dialect.Errors(statement, Dialect.All[dialect]));

    [Theory]
    [InlineData("postgres", "\"we\"\"ird\"")]
    [InlineData("snowflake", "\"we\"\"ird\"")]
    [InlineData("trino", "\"we\"\"ird\"")]
    [InlineData("sqlserver", "[we\"ird]")]
    public void Names_are_quoted_by_each_dialects_rules(string dialect, string expected) => Assert.Equal(expected, Expression(Col("we\"ird"), dialect));

    [Fact]
    public void Sql_server_doubles_a_closing_bracket() => Assert.Equal("[a]]b].[c]", Expression(Col("a]b", "c"), "sqlserver"));

    [Theory]
    [InlineData("postgres", "'it''s C:\\temp'")]
    [InlineData("snowflake", "'it''s C:\\\\temp'")]
    [InlineData("trino", "'it''s C:\\temp'")]
    [InlineData("sqlserver", "N'it''s C:\\temp'")]
    public void Strings_are_escaped_by_each_dialects_rules(string dialect, string expected) => Assert.Equal(expected, Expression(Str("it's C:\\temp"), dialect));

    [Theory]
    [InlineData("postgres", "DATE '2024-02-29'", "TIMESTAMP '2024-02-29 23:59:59.5'", "TRUE")]
    [InlineData("snowflake", "DATE '2024-02-29'", "CAST('2024-02-29 23:59:59.5' AS TIMESTAMP_NTZ)", "TRUE")]
    [InlineData("trino", "DATE '2024-02-29'", "TIMESTAMP '2024-02-29 23:59:59.5'", "TRUE")]
    [InlineData("sqlserver", "CAST('2024-02-29' AS DATE)", "CAST('2024-02-29 23:59:59.5' AS DATETIME2)", "1")]
    public void Literals_are_spelled_by_each_dialect(string dialect, string date, string timestamp, string @true)
    {
        Assert.Equal(date, Expression(SqlLiteral.Date(new DateOnly(2024, 2, 29)), dialect));
        Assert.Equal(timestamp, Expression(SqlLiteral.Timestamp(new DateTime(2024, 2, 29, 23, 59, 59, 500, DateTimeKind.Utc)), dialect));
        Assert.Equal(@true, Expression(SqlLiteral.True, dialect));
    }

    [Theory]
    [InlineData("postgres", "CAST(NULL AS NUMERIC)")]
    [InlineData("snowflake", "CAST(NULL AS NUMBER(38, 10))")]
    [InlineData("trino", "CAST(NULL AS DECIMAL(38, 10))")]
    [InlineData("sqlserver", "CAST(NULL AS DECIMAL(38, 10))")]
    public void Typed_nulls_use_each_dialects_decimal(string dialect, string expected) => Assert.Equal(expected, Expression(new SqlCast(SqlLiteral.Null, ScalarType.Number), dialect));

    [Fact]
    public void Sql_server_limits_with_top_and_groups_by_expressions()
    {
        var select = Select(Item(Col("t", "currency"), "currency"), Item(Fn("COUNT", Col("t", "id")), "n")).From(Table("stripe", "charges", "t")) with
        {
            GroupBy = [Col("t", "currency")],
            OrderBy = [Desc(Col("n"))],
            Limit = 10,
        };

        Assert.Equal(
            """
            SELECT TOP (10)
              [t].[currency] AS [currency],
              COUNT_BIG([t].[id]) AS [n]
            FROM [stripe].[charges] AS [t]
            GROUP BY [t].[currency]
            ORDER BY [n] DESC;

            """,
            Write(Statement(select), "sqlserver"));
        Assert.EndsWith("GROUP BY 1\nORDER BY \"n\" DESC\nLIMIT 10;\n", Write(Statement(select), "trino"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fetch_limit_without_an_order_is_reported_not_guessed()
    {
        var fetch = Dialect.PostgresPlain with { LimitStyle = LimitStyle.Fetch };
        var select = Select(Item(Col("a"), "a")) with { Limit = 5 };

        var diagnostic = Assert.Single(Dialect.Errors(Statement(select), fetch));
        Assert.Equal("SMG4020", diagnostic.Id);
        Assert.Equal("A row limit without an order (`OFFSET ... FETCH` needs `ORDER BY`) cannot be expressed in dialect `postgres`", diagnostic.Message);
        Assert.EndsWith("ORDER BY \"a\"\nOFFSET 0 ROWS\nFETCH NEXT 5 ROWS ONLY;\n", Dialect.Write(Statement(select with { OrderBy = [Asc(Col("a"))] }), fetch), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres", "\"id\" = @customer AND \"created\" >= @day")]
    [InlineData("snowflake", "\"id\" = :customer AND \"created\" >= :day")]
    [InlineData("trino", "\"id\" = ? AND \"created\" >= ?")]
    [InlineData("sqlserver", "[id] = @customer AND [created] >= @day")]
    public void Parameters_are_written_in_each_dialects_style(string dialect, string expected)
    {
        var condition = And(Eq(Col("id"), new SqlParameter("customer")), Bin(BinaryOperator.GreaterOrEqual, Col("created"), new SqlParameter("day")));
        var text = Write(Statement(Select(Item(Num(1), "x")) with { Where = condition }), dialect);
        Assert.Contains(expected.Replace(" AND ", "\n  AND ", StringComparison.Ordinal), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Positional_parameters_are_listed_once_per_question_mark_in_text_order()
    {
        var condition = And(Eq(Col("id"), new SqlParameter("customer")), Bin(BinaryOperator.GreaterOrEqual, Col("created"), new SqlParameter("day")));
        var statement = Statement(Select(Item(Num(1), "x")) with { Where = condition });

        var (text, parameters) = SqlWriter.WriteWithParameters(statement, Dialect.Trino, new DiagnosticBag());

        Assert.Equal(["customer", "day"], parameters);
        Assert.Equal(2, text!.Count(c => c == '?'));
        Assert.True(Dialect.Trino.PositionalParameters);
        Assert.False(Dialect.SqlServer.PositionalParameters);
    }

    [Theory]
    [InlineData("postgres", 3)]
    [InlineData("snowflake", 3)]
    [InlineData("trino", 2)]
    [InlineData("sqlserver", 3)]
    public void A_parameter_used_twice_is_one_parameter_in_every_dialect(string dialect, int markers)
    {
        var day = new SqlParameter("day");
        var condition = And(And(Bin(BinaryOperator.GreaterOrEqual, Col("created"), day), Eq(Col("id"), new SqlParameter("customer"))), Bin(BinaryOperator.Less, Col("created"), Fn("DATE_ADD", Part(DatePart.Day), Num(1), day)));
        var statement = Statement(Select(Item(Num(1), "x")) with { Where = condition });
        var spec = Dialect.Of(dialect + ".yml");

        var (text, parameters) = SqlWriter.WriteWithParameters(statement, spec, new DiagnosticBag());

        // Named styles repeat the name; Trino's positional `?` appears once per parameter, in a first CTE for `day`.
        Assert.Equal(["day", "customer"], parameters);
        var marker = spec.PositionalParameters ? "?" : spec.Parameter.Render(_ => "day")[..1];
        Assert.Equal(markers, text!.Split(marker).Length - 1);
        if (spec.PositionalParameters)
            Assert.StartsWith("WITH \"parameters\" AS (\n  SELECT\n    ? AS \"day\"\n)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_in_a_key_replaced_by_its_ordinal_is_not_listed()
    {
        var key = Fn("COALESCE", Col("a"), new SqlParameter("fallback"));
        var select = Select(Item(key, "k"), Item(Fn("COUNT", Col("a")), "n")) with { GroupBy = [key] };

        var (text, parameters) = SqlWriter.WriteWithParameters(Statement(select), Dialect.Trino, new DiagnosticBag());

        Assert.EndsWith("GROUP BY 1;\n", text, StringComparison.Ordinal);
        Assert.Equal(["fallback"], parameters);
    }

    [Theory]
    [InlineData("postgres", "\"s\" LIKE 'a\\%%' ESCAPE '\\'", "\"s\" LIKE 'a%'")]
    [InlineData("snowflake", "\"s\" LIKE 'a\\\\%%' ESCAPE '\\\\'", "\"s\" LIKE 'a%' ESCAPE '\\\\'")]
    [InlineData("trino", "\"s\" LIKE 'a\\%%' ESCAPE '\\'", "\"s\" LIKE 'a%' ESCAPE '\\'")]
    [InlineData("sqlserver", "[s] LIKE N'a\\%%' ESCAPE N'\\'", "[s] LIKE N'a%' ESCAPE '\\'")]
    public void Like_writes_its_escape_character_on_every_dialect(string dialect, string escaped, string plain)
    {
        Assert.Equal($"CASE WHEN {escaped} THEN 1 END", Expression(Where(new SqlLike(Col("s"), Str("a\\%%"), false, false, '\\')), dialect));
        Assert.Equal($"CASE WHEN {plain} THEN 1 END", Expression(Where(new SqlLike(Col("s"), Str("a%"), false, false)), dialect));
    }

    /// <summary>A condition where a condition belongs (a CASE WHEN), so that SQL Server writes it as it is.</summary>
    private static SqlExpression Where(SqlExpression condition) => new SqlCase([new SqlWhen(condition, Num(1))], null);

    [Theory]
    [InlineData("Europe/Berlin", "W. Europe Standard Time")]
    [InlineData("America/New_York", "Eastern Standard Time")]
    [InlineData("Asia/Kolkata", "India Standard Time")]
    [InlineData("US/Pacific", "Pacific Standard Time")]
    [InlineData("Etc/UTC", "UTC")]
    public void Sql_server_converts_times_with_the_zones_windows_name(string iana, string windows) =>
        Assert.Equal(
            $"CAST(([t].[created] AT TIME ZONE 'UTC') AT TIME ZONE N'{windows}' AS DATETIME2)",
            Expression(Fn(SqlFunctions.AtTimeZone, Col("t", "created"), Str(iana)), "sqlserver"));

    [Fact]
    public void A_zone_without_a_windows_name_is_reported_for_sql_server_only()
    {
        var statement = SelectExpression(Fn(SqlFunctions.AtTimeZone, Col("created"), Str("Antarctica/Troll")));

        var diagnostic = Error(statement, "sqlserver");
        Assert.Equal("SMG4026", diagnostic.Id);
        Assert.StartsWith("The time zone `Antarctica/Troll` has no Windows name, which dialect `sqlserver` needs", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("CONVERT_TIMEZONE('UTC', 'Antarctica/Troll', \"created\")", Expression(Fn(SqlFunctions.AtTimeZone, Col("created"), Str("Antarctica/Troll")), "snowflake"));
        Assert.Equal("SMG4020", Error(SelectExpression(Fn(SqlFunctions.AtTimeZone, Col("created"), Col("zone"))), "sqlserver").Id);
    }

    [Fact]
    public void A_function_a_dialect_marks_unsupported_is_reported_with_its_reason()
    {
        var diagnostic = Error(SelectExpression(new SqlFunction("NTH_VALUE", [Col("a"), Num(2)], Window: Over([], [Asc(Col("t"))]))), "sqlserver");

        Assert.Equal("SMG4027", diagnostic.Id);
        Assert.Equal("`NTH_VALUE` cannot be expressed in dialect `sqlserver`: SQL Server has no NTH_VALUE", diagnostic.Message);
    }

    [Fact]
    public void A_window_only_function_without_over_is_reported()
    {
        var diagnostic = Assert.Single(Dialect.Errors(SelectExpression(Fn("PERCENTILE_CONT", Col("a"), Num(0.5m))), Dialect.SqlServer with { Rewrites = [] }));

        Assert.Equal("SMG4020: `PERCENTILE_CONT` without `OVER (...)` cannot be expressed in dialect `sqlserver`", $"{diagnostic.Id}: {diagnostic.Message}");
    }

    [Fact]
    public void Views_are_replaced_with_each_dialects_ddl()
    {
        var view = new SqlCreateView(null, "analytics", "charges", Select(Item(Col("c", "amount"), "amount")).From(Table("stripe", "charges", "c")));

        Assert.StartsWith("CREATE OR REPLACE VIEW \"analytics\".\"charges\" AS\nSELECT", Write(view, "postgres"), StringComparison.Ordinal);
        Assert.StartsWith("CREATE OR REPLACE VIEW \"ANALYTICS\".\"CHARGES\" AS\nSELECT\n  \"c\".\"AMOUNT\" AS \"AMOUNT\"\nFROM \"STRIPE\".\"CHARGES\"", Write(view, "snowflake"), StringComparison.Ordinal);
        Assert.StartsWith("CREATE OR REPLACE VIEW \"analytics\".\"charges\" AS\nSELECT", Write(view, "trino"), StringComparison.Ordinal);
        Assert.StartsWith("CREATE OR ALTER VIEW [analytics].[charges] AS\nSELECT", Write(view, "sqlserver"), StringComparison.Ordinal);
        Assert.Equal("SMG4020", Error(view with { Database = "warehouse" }, "sqlserver").Id);
    }

    [Fact]
    public void A_yes_no_value_in_a_select_or_a_bare_condition_is_reported_where_there_are_no_booleans()
    {
        var plain = Dialect.SqlServer with { Rewrites = [] };

        Assert.Equal("A yes/no value in a SELECT list cannot be expressed in dialect `sqlserver`", Assert.Single(Dialect.Errors(SelectExpression(Eq(Col("a"), Num(1))), plain)).Message);
        Assert.Equal("A yes/no value used as a condition cannot be expressed in dialect `sqlserver`", Assert.Single(Dialect.Errors(Statement(Select(Item(Col("a"), "a")) with { Where = Col("paid") }), plain)).Message);
        Assert.Equal("CASE WHEN [a] = 1 THEN 1 WHEN NOT ([a] = 1) THEN 0 END", Expression(Eq(Col("a"), Num(1)), "sqlserver"));
    }
}
