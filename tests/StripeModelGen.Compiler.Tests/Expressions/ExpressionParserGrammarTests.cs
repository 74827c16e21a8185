using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Tests.Expressions;

public sealed class ExpressionParserGrammarTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("12.5", "12.5")]
    [InlineData(".5", ".5")]
    [InlineData("1.", "1.")]
    [InlineData("1e3", "1e3")]
    [InlineData("1.5E-3", "1.5E-3")]
    [InlineData("'paid'", "'paid'")]
    [InlineData("'it''s'", "'it''s'")]
    [InlineData("''", "''")]
    [InlineData("TRUE", "TRUE")]
    [InlineData("false", "FALSE")]
    [InlineData("null", "NULL")]
    public void Literals(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("${TABLE}", "${TABLE}")]
    [InlineData("${customer_id}", "${customer_id}")]
    [InlineData("${charges.customer_id}", "${charges.customer_id}")]
    [InlineData("${charges.created_month}", "${charges.created_month}")]
    [InlineData("${ charges . customer_id }", "${charges.customer_id}")]
    [InlineData("${\tamount\t}", "${amount}")]
    public void References(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("amount", "amount")]
    [InlineData("Amount_USD", "Amount_USD")]
    [InlineData("\"Weird Col\"", "\"Weird Col\"")]
    [InlineData("\"say \"\"hi\"\"\"", "\"say \"\"hi\"\"\"")]
    [InlineData("\"order\"", "\"order\"")]
    [InlineData("${TABLE}.amount", "${TABLE}.amount")]
    [InlineData("${TABLE} . amount", "${TABLE}.amount")]
    [InlineData("${TABLE}.\"Weird Col\"", "${TABLE}.\"Weird Col\"")]
    [InlineData("${TABLE}.order", "${TABLE}.order")]
    [InlineData("${TABLE}.END", "${TABLE}.END")]
    [InlineData("montant_reçu", "montant_reçu")]
    public void Columns(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("-amount", "(-amount)")]
    [InlineData("+1", "(+1)")]
    [InlineData("- -x", "(-(-x))")]
    [InlineData("-a * b", "((-a) * b)")]
    [InlineData("-(a * b)", "(-(a * b))")]
    [InlineData("NOT a", "(NOT a)")]
    [InlineData("NOT NOT a", "(NOT (NOT a))")]
    [InlineData("not a = b and c", "((NOT (a = b)) AND c)")]
    [InlineData("a = NOT b", "(a = (NOT b))")]
    public void UnaryOperators(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("1 + 2 * 3", "(1 + (2 * 3))")]
    [InlineData("(1 + 2) * 3", "((1 + 2) * 3)")]
    [InlineData("(${TABLE}.amount + 1) * 2", "((${TABLE}.amount + 1) * 2)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b % c * d", "(((a / b) % c) * d)")]
    [InlineData("a || b || c", "((a || b) || c)")]
    [InlineData("a || b + c", "(a || (b + c))")]
    [InlineData("a + b = c || d", "((a + b) = (c || d))")]
    [InlineData("a = 1 OR b = 2 AND c = 3", "((a = 1) OR ((b = 2) AND (c = 3)))")]
    [InlineData("(a OR b) AND c", "((a OR b) AND c)")]
    [InlineData("a and b or not c", "((a AND b) OR (NOT c))")]
    [InlineData("a = b = c", "((a = b) = c)")]
    [InlineData("a = b", "(a = b)")]
    [InlineData("a <> b", "(a <> b)")]
    [InlineData("a != b", "(a <> b)")]
    [InlineData("a < b", "(a < b)")]
    [InlineData("a <= b", "(a <= b)")]
    [InlineData("a > b", "(a > b)")]
    [InlineData("a >= b", "(a >= b)")]
    [InlineData("a>=b", "(a >= b)")]
    [InlineData("a-1", "(a - 1)")]
    [InlineData("((a))", "a")]
    public void BinaryOperatorsAndPrecedence(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("x IS NULL", "(x IS NULL)")]
    [InlineData("x is not null", "(x IS NOT NULL)")]
    [InlineData("a + b IS NULL", "((a + b) IS NULL)")]
    [InlineData("a = b IS NULL", "((a = b) IS NULL)")]
    [InlineData("x IS NULL OR y IS NOT NULL", "((x IS NULL) OR (y IS NOT NULL))")]
    [InlineData("x IN (1, 2, 3)", "(x IN (1, 2, 3))")]
    [InlineData("x NOT IN ('a')", "(x NOT IN ('a'))")]
    [InlineData("x in (a + 1, (b))", "(x IN ((a + 1), b))")]
    [InlineData("x BETWEEN 1 AND 10", "(x BETWEEN 1 AND 10)")]
    [InlineData("x NOT BETWEEN a + 1 AND b AND c", "((x NOT BETWEEN (a + 1) AND b) AND c)")]
    [InlineData("x BETWEEN 1 AND 2 OR y", "((x BETWEEN 1 AND 2) OR y)")]
    [InlineData("name LIKE 'a%'", "(name LIKE 'a%')")]
    [InlineData("name NOT ILIKE '%' || x", "(name NOT ILIKE ('%' || x))")]
    [InlineData("name ilike 'x' AND NOT name like 'y'", "((name ILIKE 'x') AND (NOT (name LIKE 'y')))")]
    public void Predicates(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END", "CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END")]
    [InlineData("case when x > 0 then 'pos' end", "CASE WHEN (x > 0) THEN 'pos' END")]
    [InlineData("CASE status WHEN 'paid' THEN 1 WHEN 'open' THEN 0 END", "CASE status WHEN 'paid' THEN 1 WHEN 'open' THEN 0 END")]
    [InlineData("CASE WHEN a THEN CASE WHEN b THEN 1 END ELSE -1 END + 1", "(CASE WHEN a THEN CASE WHEN b THEN 1 END ELSE (-1) END + 1)")]
    [InlineData("CASE a + 1 WHEN 2 THEN x END", "CASE (a + 1) WHEN 2 THEN x END")]
    public void CaseExpressions(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("CAST(amount AS DECIMAL(18,2))", "CAST(amount AS DECIMAL(18, 2))")]
    [InlineData("cast(x as varchar(10))", "CAST(x AS VARCHAR(10))")]
    [InlineData("CAST(${TABLE}.created AS date)", "CAST(${TABLE}.created AS DATE)")]
    [InlineData("CAST(a + b AS BIGINT) / 100", "(CAST((a + b) AS BIGINT) / 100)")]
    public void Casts(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("COUNT(*)", "COUNT(*)")]
    [InlineData("count(distinct customer_id)", "COUNT(DISTINCT customer_id)")]
    [InlineData("COALESCE(a, b, 0)", "COALESCE(a, b, 0)")]
    [InlineData("NOW()", "NOW()")]
    [InlineData("ROUND(amount / 100.0, 2)", "ROUND((amount / 100.0), 2)")]
    [InlineData("NULLIF(a, 0)", "NULLIF(a, 0)")]
    [InlineData("DATE_TRUNC(month, ${TABLE}.created)", "DATE_TRUNC(month, ${TABLE}.created)")]
    [InlineData("DATE_ADD(day, -1, ${TABLE}.created)", "DATE_ADD(day, (-1), ${TABLE}.created)")]
    [InlineData("DATE_DIFF(day, a, b)", "DATE_DIFF(day, a, b)")]
    [InlineData("JSON_NUMBER(${TABLE}.metadata, 'fx_rate')", "JSON_NUMBER(${TABLE}.metadata, 'fx_rate')")]
    [InlineData("MAX_BY(plan, created)", "MAX_BY(plan, created)")]
    [InlineData("LOWER(TRIM(name))", "LOWER(TRIM(name))")]
    [InlineData("FIRST(x)", "FIRST(x)")]
    [InlineData("last(x) + row(1)", "(LAST(x) + ROW(1))")]
    [InlineData("SUM(amount) FILTER (WHERE status = 'paid')", "SUM(amount) FILTER (WHERE (status = 'paid'))")]
    [InlineData("SUM(${amount}) / NULLIF(COUNT(*), 0)", "(SUM(${amount}) / NULLIF(COUNT(*), 0))")]
    public void FunctionCalls(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("LAST_VALUE(x IGNORE NULLS) OVER (ORDER BY t)", "LAST_VALUE(x) IGNORE NULLS OVER (ORDER BY t)")]
    [InlineData("LAST_VALUE(x) ignore nulls OVER (ORDER BY t)", "LAST_VALUE(x) IGNORE NULLS OVER (ORDER BY t)")]
    [InlineData("FIRST_VALUE(x RESPECT NULLS) OVER ()", "FIRST_VALUE(x) RESPECT NULLS OVER ()")]
    [InlineData("LAG(mrr, 1) OVER (PARTITION BY customer_id ORDER BY month)", "LAG(mrr, 1) OVER (PARTITION BY customer_id ORDER BY month)")]
    [InlineData(
        "SUM(x) OVER (PARTITION BY a, b ORDER BY c DESC NULLS LAST, d ASC NULLS FIRST ROWS 3 PRECEDING)",
        "SUM(x) OVER (PARTITION BY a, b ORDER BY c DESC NULLS LAST, d NULLS FIRST ROWS 3 PRECEDING)")]
    [InlineData(
        "LAST_VALUE(x) IGNORE NULLS OVER (PARTITION BY c ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
        "LAST_VALUE(x) IGNORE NULLS OVER (PARTITION BY c ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")]
    [InlineData(
        "SUM(x) OVER (ORDER BY d RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)",
        "SUM(x) OVER (ORDER BY d RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)")]
    [InlineData("SUM(x) OVER (ROWS BETWEEN 2 + 1 PRECEDING AND 1 FOLLOWING)", "SUM(x) OVER (ROWS BETWEEN (2 + 1) PRECEDING AND 1 FOLLOWING)")]
    [InlineData("SUM(x) OVER (ROWS CURRENT ROW)", "SUM(x) OVER (ROWS CURRENT ROW)")]
    [InlineData("COUNT(*) FILTER (WHERE refunded) OVER (PARTITION BY customer)", "COUNT(*) FILTER (WHERE refunded) OVER (PARTITION BY customer)")]
    [InlineData("ROW_NUMBER() OVER (PARTITION BY a ORDER BY b ASC) = 1", "(ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) = 1)")]
    [InlineData("SUM(SUM(x)) OVER (ORDER BY y)", "SUM(SUM(x)) OVER (ORDER BY y)")]
    public void WindowFunctions(string text, string expected) => ExpressionAssert.Prints(text, expected);

    [Theory]
    [InlineData("a -- the first\n + b", "(a + b)")]
    [InlineData("a /* inline */ + b", "(a + b)")]
    [InlineData("/* lead */ a -- trail", "a")]
    [InlineData("a /* multi\nline */ * b", "(a * b)")]
    [InlineData("  \n a\t+\r\nb \n", "(a + b)")]
    [InlineData("a - -1", "(a - (-1))")]
    [InlineData("'--not a comment'", "'--not a comment'")]
    [InlineData("'/* nor this */'", "'/* nor this */'")]
    public void TriviaIsSkipped(string text, string expected) => ExpressionAssert.Prints(text, expected);

    public static TheoryData<string> RoundTripSamples =>
    [
        "(${TABLE}.amount + 1) * 2 - -3 % 4",
        "CASE WHEN ${charges.status} IN ('paid', 'succeeded') AND NOT ${refunded} THEN ${TABLE}.\"Amount \"\"USD\"\"\" ELSE 0 END",
        "COALESCE(SUM(DISTINCT x) FILTER (WHERE y IS NOT NULL), 0) || 'x'",
        "LAST_VALUE(x IGNORE NULLS) OVER (PARTITION BY a ORDER BY b DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING)",
        "CAST(x AS numeric(10, 0)) BETWEEN -1 AND +1 OR name NOT LIKE '%''%'",
        "${TABLE}.order = ${TABLE}.current AND \"from\" >= 1.5e3",
        "DATE_DIFF(day, ${created}, NOW()) > 30 = TRUE",
    ];

    [Theory]
    [MemberData(nameof(RoundTripSamples))]
    public void PrintedTextParsesBackToTheSameTree(string text)
    {
        var printed = ExpressionPrinter.Print(ExpressionAssert.ParseClean(text));
        Assert.Equal(printed, ExpressionPrinter.Print(ExpressionAssert.ParseClean(printed)));
    }

    [Fact]
    public void ToStringIsThePrintedForm()
    {
        var tree = ExpressionAssert.ParseClean("a+b*c");
        Assert.Equal("(a + (b * c))", tree.ToString());
    }

    [Fact]
    public void ParseStringUsesTheExprPath()
    {
        var tree = ExpressionParser.Parse("a", new DiagnosticBag());
        Assert.Equal(ExpressionParser.TextPath, tree.Location.Path);
    }
}
