using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Tests.Expressions;

public sealed class ExpressionDiagnosticTests
{
    [Theory]
    [InlineData("SUM(amount) [|#|] 1", "#")]
    [InlineData("a [|;|]", ";")]
    [InlineData("[|@|]x", "@")]
    [InlineData("a [|:|] b", ":")]
    [InlineData("a [|!|] b", "!")]
    [InlineData("a [|$|]b", "$")]
    [InlineData("x [|||] y", "|")]
    [InlineData("x + [|?|]", "?")]
    [InlineData("a [|\u0007|] b", "U+0007")]
    [InlineData("a + [|😀|]", "😀")]
    public void UnexpectedCharacter(string marked, string shown)
    {
        var diagnostic = ExpressionAssert.SingleDiagnostic(marked, "SMG1101");
        Assert.Equal($"Unexpected character `{shown}` in expression", diagnostic.Message);
    }

    [Fact]
    public void BacktickQuotingSuggestsDoubleQuotes()
    {
        var diagnostic = ExpressionAssert.SingleDiagnostic("[|`|]Weird Col` + 1", "SMG1101");
        Assert.Equal("\"Weird Col\"", diagnostic.Suggestion);
    }

    [Theory]
    [InlineData("name = [|'|]abc")]
    [InlineData("[|'|]it''s")]
    [InlineData("CONCAT(a, [|'|])")]
    [InlineData("'ok' || [|'|]not\nclosed")]
    public void UnterminatedString(string marked) => ExpressionAssert.SingleDiagnostic(marked, "SMG1102");

    [Theory]
    [InlineData("[|${|]amount")]
    [InlineData("SUM([|${|]amount)")]
    [InlineData("COALESCE([|${|]a, ${b})")]
    [InlineData("[|${|]a\n}")]
    [InlineData("1 + [|${|]")]
    public void UnterminatedReference(string marked) => ExpressionAssert.SingleDiagnostic(marked, "SMG1103");

    [Theory]
    [InlineData("[|${}|]", "${}")]
    [InlineData("[|${ }|]", "${ }")]
    [InlineData("x + [|${a.b.c}|]", "${a.b.c}")]
    [InlineData("[|${1x}|]", "${1x}")]
    [InlineData("[|${a b}|]", "${a b}")]
    [InlineData("[|${a.}|]", "${a.}")]
    [InlineData("[|${.a}|]", "${.a}")]
    [InlineData("[|${a-b}|]", "${a-b}")]
    public void InvalidReference(string marked, string shown)
    {
        var diagnostic = ExpressionAssert.SingleDiagnostic(marked, "SMG1104");
        Assert.Equal($"`{shown}` is not a valid reference; write `${{field}}`, `${{view.field}}` or `${{TABLE}}`", diagnostic.Message);
    }

    [Theory]
    [InlineData("SUM(amount[||]", "`,` or `)`, found the end of the expression")]
    [InlineData("a [|b|]", "an operator or the end of the expression, found `b`")]
    [InlineData("a[|)|]", "an operator or the end of the expression, found `)`")]
    [InlineData("(a [|b|])", "`)`, found `b`")]
    [InlineData("SUM(amount[||] -- the rest is a comment", "`,` or `)`, found the end of the expression")]
    [InlineData("(a[||]", "`)`, found the end of the expression")]
    [InlineData("a =[||] ", "an expression, found the end of the expression")]
    [InlineData("a AND [|OR|] b", "an expression, found keyword `OR`")]
    [InlineData("[|SELECT|] a", "an expression, found keyword `SELECT`")]
    [InlineData("a + [|)|]", "an expression, found `)`")]
    [InlineData("a * [|*|] b", "an expression, found `*`")]
    [InlineData("f(a, [|)|]", "an expression, found `)`")]
    [InlineData("x IN [|1|]", "`(`, found `1`")]
    [InlineData("x IN ([|)|]", "an expression, found `)`")]
    [InlineData("x IN (1, 2[||]", "`,` or `)`, found the end of the expression")]
    [InlineData("x IS [|TRUE|]", "`NULL` or `NOT NULL`, found keyword `TRUE`")]
    [InlineData("x IS NOT [|0|]", "`NULL`, found `0`")]
    [InlineData("x NOT [|=|] 1", "`IN`, `BETWEEN`, `LIKE` or `ILIKE` after `NOT`, found `=`")]
    [InlineData("x BETWEEN 1 [|,|] 2", "`AND`, found `,`")]
    [InlineData("x LIKE[||] ", "an expression, found the end of the expression")]
    [InlineData("CASE [|END|]", "an expression, found keyword `END`")]
    [InlineData("CASE x [|THEN|] 1 END", "`WHEN`, found keyword `THEN`")]
    [InlineData("CASE WHEN a [|ELSE|] 1 END", "`THEN`, found keyword `ELSE`")]
    [InlineData("CASE WHEN a THEN 1[||]", "`WHEN`, `ELSE` or `END`, found the end of the expression")]
    [InlineData("CASE WHEN a THEN 1 ELSE 2 [|WHEN|] b THEN 3 END", "`END`, found keyword `WHEN`")]
    [InlineData("CAST [|x|]", "`(`, found `x`")]
    [InlineData("CAST(x [|,|] int)", "`AS`, found `,`")]
    [InlineData("CAST(x AS [|1|])", "a type name, found `1`")]
    [InlineData("CAST(x AS DECIMAL([|1.5|]))", "a whole number, found `1.5`")]
    [InlineData("CAST(x AS DECIMAL(18, 2[|,|] 3))", "`)`, found `,`")]
    [InlineData("CAST(x AS DECIMAL(18[||] ", "`,` or `)`, found the end of the expression")]
    [InlineData("CAST(x AS DOUBLE [|PRECISION|])", "`)`, found `PRECISION`")]
    [InlineData("COUNT(* [|,|] 1)", "`)`, found `,`")]
    [InlineData("COUNT(DISTINCT [|*|])", "an expression, found `*`")]
    [InlineData("LAG(x IGNORE [|x|])", "`NULLS`, found `x`")]
    [InlineData("LAST_VALUE(x IGNORE NULLS[|,|] 1)", "`)`, found `,`")]
    [InlineData("LAST_VALUE(x IGNORE NULLS) [|IGNORE|] NULLS", "an operator or the end of the expression, found keyword `IGNORE`")]
    [InlineData("SUM(x) FILTER [|x|]", "`(`, found `x`")]
    [InlineData("SUM(x) FILTER ([|status|] = 1)", "`WHERE`, found `status`")]
    [InlineData("SUM(x) FILTER (WHERE a[||]", "`)`, found the end of the expression")]
    [InlineData("SUM(x) OVER [|w|]", "`(`, found `w`")]
    [InlineData("SUM(x) OVER (PARTITION [|x|])", "`BY`, found `x`")]
    [InlineData("SUM(x) OVER ([|x|])", "`PARTITION BY`, `ORDER BY`, `ROWS`, `RANGE` or `)`, found `x`")]
    [InlineData("SUM(x) OVER (PARTITION BY a [|b|])", "`,`, `ORDER BY`, `ROWS`, `RANGE` or `)`, found `b`")]
    [InlineData("SUM(x) OVER (ORDER BY a [|b|])", "`,`, `ASC`, `DESC`, `NULLS`, `ROWS`, `RANGE` or `)`, found `b`")]
    [InlineData("SUM(x) OVER (ORDER BY a DESC [|DESC|])", "`,`, `NULLS`, `ROWS`, `RANGE` or `)`, found keyword `DESC`")]
    [InlineData("SUM(x) OVER (ORDER BY a NULLS FIRST [|DESC|])", "`,`, `ROWS`, `RANGE` or `)`, found keyword `DESC`")]
    [InlineData("SUM(x) OVER (ORDER BY a NULLS [|LAST1|])", "`FIRST` or `LAST`, found `LAST1`")]
    [InlineData("SUM(x) OVER (ROWS BETWEEN [|)|]", "`UNBOUNDED`, `CURRENT ROW` or an offset, found `)`")]
    [InlineData("SUM(x) OVER (ROWS UNBOUNDED [|ROW|])", "`PRECEDING` or `FOLLOWING`, found keyword `ROW`")]
    [InlineData("SUM(x) OVER (ROWS CURRENT [|ROWS|])", "`ROW`, found keyword `ROWS`")]
    [InlineData("SUM(x) OVER (ROWS 1 [|)|]", "`PRECEDING` or `FOLLOWING`, found `)`")]
    [InlineData("SUM(x) OVER (ROWS BETWEEN 1 PRECEDING [|,|] 2 FOLLOWING)", "`AND`, found `,`")]
    [InlineData("SUM(x) OVER (ROWS 1 PRECEDING [|ORDER|] BY x)", "`)`, found keyword `ORDER`")]
    [InlineData("${TABLE}.[|)|]", "a column name, found `)`")]
    [InlineData("${TABLE}.a[|.|]b", "an operator, found `.`")]
    [InlineData("a = 'x' [|'y'|]", "an operator or the end of the expression, found `'y'`")]
    [InlineData("a [|'a very long string literal that goes on and on'|]", "an operator or the end of the expression, found `'a very long string literal that goes...`")]
    [InlineData("a [|'two\nlines'|]", "an operator or the end of the expression, found `'two...`")]
    public void UnexpectedToken(string marked, string expectedAndFound)
    {
        var diagnostic = ExpressionAssert.SingleDiagnostic(marked, "SMG1105");
        Assert.Equal("Expected " + expectedAndFound, diagnostic.Message);
    }

    [Theory]
    [InlineData("x[|::|]int", "an operator, found `::`", "CAST(x AS int)")]
    [InlineData("(a + b)[|::|]DECIMAL(10, 2)", "an operator, found `::`", "CAST((a + b) AS DECIMAL)")]
    [InlineData("x[|::|]", "an operator, found `::`", null)]
    [InlineData("${charges}[|.|]amount", "an operator, found `.`", "${charges.amount}")]
    [InlineData("charges[|.|]amount", "an operator, found `.`", "${charges.amount}")]
    [InlineData("SUM([|order|])", "an expression, found keyword `order`", "\"order\"")]
    [InlineData("[|current|] - 1", "an expression, found keyword `current`", "\"current\"")]
    [InlineData("a + [|INTERVAL|] '1 day'", "an expression, found keyword `INTERVAL`", "DATE_ADD(unit, n, value)")]
    [InlineData("a = [|END|]", "an expression, found keyword `END`", null)]
    public void UnexpectedTokenWithHint(string marked, string expectedAndFound, string? suggestion)
    {
        var diagnostic = ExpressionAssert.SingleDiagnostic(marked, "SMG1105");
        Assert.Equal("Expected " + expectedAndFound, diagnostic.Message);
        Assert.Equal(suggestion, diagnostic.Suggestion);
    }

    [Theory]
    [InlineData("[|\"|]Weird Col")]
    [InlineData("a + [|\"|]b\"\"")]
    public void UnterminatedQuotedIdentifier(string marked) => ExpressionAssert.SingleDiagnostic(marked, "SMG1106");

    [Theory]
    [InlineData("[|1e|]")]
    [InlineData("[|1e+|]")]
    [InlineData("[|2E-|] + 1")]
    [InlineData("x + [|12abc|]")]
    [InlineData("[|1.2.3|]")]
    [InlineData("[|1..2|]")]
    [InlineData("[|.5e|]")]
    [InlineData("[|1e999|]")]
    [InlineData("f([|1_000|])")]
    public void InvalidNumber(string marked)
    {
        var diagnostic = ExpressionAssert.SingleDiagnostic(marked, "SMG1108");
        var (text, span) = Testing.MarkedText.Parse(marked);
        Assert.Equal($"`{text.Substring(span.Start, span.Length)}` is not a valid number", diagnostic.Message);
    }

    [Theory]
    [InlineData("[||]")]
    [InlineData("[|   |]")]
    [InlineData("[| \n\t |]")]
    [InlineData("[|-- only a comment|]")]
    [InlineData("[|/* only */ -- comments|]")]
    public void EmptyExpression(string marked) => ExpressionAssert.SingleDiagnostic(marked, "SMG1109");

    [Theory]
    [InlineData("a + [|/*|] b")]
    [InlineData("a /* closed */ + [|/*|] /* b")]
    public void UnterminatedComment(string marked) => ExpressionAssert.SingleDiagnostic(marked, "SMG1110");

    [Theory]
    [InlineData("[|\"\"|] + 1")]
    [InlineData("${TABLE}.[|\"\"|]")]
    public void EmptyQuotedIdentifier(string marked) => ExpressionAssert.SingleDiagnostic(marked, "SMG1111");

    [Theory]
    [InlineData("a [|#|] b @ c")]
    [InlineData("SUM(x [|${}|] 'abc")]
    [InlineData("(a [|b|]) c ;")]
    [InlineData("[|'|]unterminated ${ \"")]
    [InlineData("CASE WHEN [|;|] THEN ; ELSE ; END ;")]
    [InlineData("f(a [|b|] c d e f g)")]
    [InlineData("1 + [|)|] + ) + ) + (")]
    public void OnlyTheFirstMistakeIsReported(string marked)
    {
        var (text, span) = Testing.MarkedText.Parse(marked);
        var bag = new DiagnosticBag();
        ExpressionParser.Parse(text, bag);
        Assert.Equal(1, bag.Count);
        Assert.Equal(span, bag.ToImmutableSorted()[0].Location?.Span);
    }

    [Fact]
    public void ALexicalErrorAfterASyntaxErrorIsNotReported()
    {
        ExpressionAssert.SingleDiagnostic("a [|b|] 'open", "SMG1105");
    }

    [Fact]
    public void ASyntaxErrorAfterALexicalErrorIsNotReported()
    {
        ExpressionAssert.SingleDiagnostic("a + [|1e|] b c", "SMG1108");
    }

    [Fact]
    public void DiagnosticsAreAddedToTheCallersBag()
    {
        var bag = new DiagnosticBag();
        ExpressionParser.Parse("a +", bag);
        ExpressionParser.Parse("b ;", bag);
        ExpressionParser.Parse("c", bag);
        Assert.Equal(["SMG1101", "SMG1105"], bag.ToImmutableSorted().Select(d => d.Id).Order(StringComparer.Ordinal));
    }
}
