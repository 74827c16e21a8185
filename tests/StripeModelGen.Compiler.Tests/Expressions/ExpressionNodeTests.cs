using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Tests.Testing;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Expressions;

public sealed class ExpressionNodeTests
{
    private static TextSpan SpanOf(string text, string part, int occurrence = 0)
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
            index = text.IndexOf(part, index + 1, StringComparison.Ordinal);
        Assert.True(index >= 0, $"`{part}` not in `{text}`");
        return new TextSpan(index, part.Length);
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("12.50", 12.50)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000)]
    [InlineData("1.5E-3", 0.0015)]
    public void NumbersAreDecimalsWhenTheyFit(string text, double expected)
    {
        var literal = Assert.IsType<LiteralExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal(LiteralKind.Number, literal.Kind);
        Assert.Equal(text, literal.Text);
        Assert.Equal((decimal)expected, Assert.IsType<decimal>(literal.Value));
    }

    [Fact]
    public void DecimalKeepsTheWrittenScale()
    {
        var literal = Assert.IsType<LiteralExpression>(ExpressionAssert.ParseClean("12.50"));
        Assert.Equal("12.50", ((decimal)literal.Value!).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1e-30", 1e-30)]
    [InlineData("123456789012345678901234567890123", 1.2345678901234568e32)]
    [InlineData("1e300", 1e300)]
    public void NumbersOutsideDecimalRangeAreDoubles(string text, double expected)
    {
        var literal = Assert.IsType<LiteralExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal(expected, Assert.IsType<double>(literal.Value));
    }

    [Fact]
    public void ZeroStaysADecimal()
    {
        var literal = Assert.IsType<LiteralExpression>(ExpressionAssert.ParseClean("0.000e-40"));
        Assert.Equal(0m, Assert.IsType<decimal>(literal.Value));
    }

    [Fact]
    public void StringValueIsUnescapedAndTextIsRaw()
    {
        var literal = Assert.IsType<LiteralExpression>(ExpressionAssert.ParseClean("'it''s\nfine'"));
        Assert.Equal(LiteralKind.String, literal.Kind);
        Assert.Equal("it's\nfine", literal.Value);
        Assert.Equal("'it''s\nfine'", literal.Text);
    }

    [Theory]
    [InlineData("true", LiteralKind.Boolean, true)]
    [InlineData("FALSE", LiteralKind.Boolean, false)]
    [InlineData("Null", LiteralKind.Null, null)]
    public void KeywordLiterals(string text, LiteralKind kind, object? value)
    {
        var literal = Assert.IsType<LiteralExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal(kind, literal.Kind);
        Assert.Equal(value, literal.Value);
        Assert.Equal(text, literal.Text);
    }

    [Fact]
    public void ReferencePartsHaveTheirOwnLocations()
    {
        const string text = "1 + ${ charges . customer_id }";
        var binary = Assert.IsType<BinaryExpression>(ExpressionAssert.ParseClean(text));
        var reference = Assert.IsType<ReferenceExpression>(binary.Right);
        Assert.Equal(["charges", "customer_id"], reference.Parts.Select(p => p.Name));
        Assert.Equal(SpanOf(text, "charges"), reference.Parts[0].Location.Span);
        Assert.Equal(SpanOf(text, "customer_id"), reference.Parts[1].Location.Span);
        Assert.Equal(SpanOf(text, "${ charges . customer_id }"), reference.Location.Span);
        Assert.Equal("charges", reference.View?.Name);
        Assert.Equal("customer_id", reference.Field.Name);
        Assert.False(reference.IsTable);
    }

    [Theory]
    [InlineData("${TABLE}", true)]
    [InlineData("${ TABLE }", true)]
    [InlineData("${table}", false)]
    [InlineData("${TABLE.x}", false)]
    [InlineData("${amount}", false)]
    public void TableReferenceIsDistinguished(string text, bool isTable)
    {
        var reference = Assert.IsType<ReferenceExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal(isTable, reference.IsTable);
    }

    [Fact]
    public void OnePartReferenceHasNoView()
    {
        var reference = Assert.IsType<ReferenceExpression>(ExpressionAssert.ParseClean("${amount}"));
        Assert.Null(reference.View);
        Assert.Equal("amount", reference.Field.Name);
    }

    [Fact]
    public void TableQualifiedColumn()
    {
        const string text = "${TABLE}.\"Weird \"\"Col\"\"\"";
        var column = Assert.IsType<ColumnExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal("Weird \"Col\"", column.Name);
        Assert.True(column.IsQuoted);
        Assert.True(column.Table!.IsTable);
        Assert.Equal(SpanOf(text, "${TABLE}"), column.Table.Location.Span);
        Assert.Equal(SpanOf(text, "\"Weird \"\"Col\"\"\""), column.NameLocation.Span);
        Assert.Equal(new TextSpan(0, text.Length), column.Location.Span);
        Assert.Equal([column.Table], column.Children);
    }

    [Fact]
    public void BareColumnKeepsItsCase()
    {
        var column = Assert.IsType<ColumnExpression>(ExpressionAssert.ParseClean("Amount_USD"));
        Assert.Equal("Amount_USD", column.Name);
        Assert.False(column.IsQuoted);
        Assert.Null(column.Table);
    }

    [Fact]
    public void DateUnitsAreBareIdentifiers()
    {
        var call = Assert.IsType<FunctionCallExpression>(ExpressionAssert.ParseClean("DATE_ADD(day, 1, x)"));
        Assert.Equal("day", Assert.IsType<ColumnExpression>(call.Arguments[0]).Name);
    }

    [Fact]
    public void BinaryNodeLocations()
    {
        const string text = "  a + b * c  ";
        var add = Assert.IsType<BinaryExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal(BinaryOperator.Add, add.Operator);
        Assert.Equal(SpanOf(text, "a + b * c"), add.Location.Span);
        Assert.Equal(SpanOf(text, "+"), add.OperatorLocation.Span);
        var multiply = Assert.IsType<BinaryExpression>(add.Right);
        Assert.Equal(SpanOf(text, "b * c"), multiply.Location.Span);
    }

    [Fact]
    public void ParenthesizedNodeIsKept()
    {
        const string text = "(a + b) * c";
        var multiply = Assert.IsType<BinaryExpression>(ExpressionAssert.ParseClean(text));
        var parenthesized = Assert.IsType<ParenthesizedExpression>(multiply.Left);
        Assert.Equal(SpanOf(text, "(a + b)"), parenthesized.Location.Span);
        Assert.IsType<BinaryExpression>(parenthesized.Expression);
    }

    [Fact]
    public void UnaryNode()
    {
        var unary = Assert.IsType<UnaryExpression>(ExpressionAssert.ParseClean("NOT x"));
        Assert.Equal(UnaryOperator.Not, unary.Operator);
        Assert.Equal(new TextSpan(0, 3), unary.OperatorLocation.Span);
        Assert.Equal(new TextSpan(0, 5), unary.Location.Span);
    }

    [Fact]
    public void PredicateNodes()
    {
        var isNull = Assert.IsType<IsNullExpression>(ExpressionAssert.ParseClean("x IS NOT NULL"));
        Assert.True(isNull.IsNegated);
        Assert.Equal(new TextSpan(0, 13), isNull.Location.Span);

        var inList = Assert.IsType<InExpression>(ExpressionAssert.ParseClean("x NOT IN (1, 2)"));
        Assert.True(inList.IsNegated);
        Assert.Equal(2, inList.Values.Length);
        Assert.Equal(new TextSpan(0, 15), inList.Location.Span);

        var between = Assert.IsType<BetweenExpression>(ExpressionAssert.ParseClean("x BETWEEN 1 AND 2"));
        Assert.False(between.IsNegated);
        Assert.Equal(["x", "1", "2"], between.Children.Select(ExpressionPrinter.Print));

        var like = Assert.IsType<LikeExpression>(ExpressionAssert.ParseClean("x NOT ILIKE 'a%'"));
        Assert.True(like.IsNegated);
        Assert.True(like.IsCaseInsensitive);
    }

    [Fact]
    public void CaseNode()
    {
        const string text = "CASE s WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 3 END";
        var node = Assert.IsType<CaseExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal("s", ExpressionPrinter.Print(node.Operand!));
        Assert.Equal(2, node.WhenClauses.Length);
        Assert.Equal(SpanOf(text, "WHEN 'b' THEN 2"), node.WhenClauses[1].Location.Span);
        Assert.Equal("3", ExpressionPrinter.Print(node.Else!));
        Assert.Equal(["s", "'a'", "1", "'b'", "2", "3"], node.Children.Select(ExpressionPrinter.Print));
        Assert.Equal(new TextSpan(0, text.Length), node.Location.Span);
    }

    [Fact]
    public void SearchedCaseHasNoOperandOrElse()
    {
        var node = Assert.IsType<CaseExpression>(ExpressionAssert.ParseClean("CASE WHEN a THEN 1 END"));
        Assert.Null(node.Operand);
        Assert.Null(node.Else);
    }

    [Fact]
    public void CastNode()
    {
        const string text = "CAST(x AS decimal(18, 2))";
        var cast = Assert.IsType<CastExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal("decimal", cast.Type.Name);
        Assert.Equal([18, 2], cast.Type.Arguments);
        Assert.Equal(SpanOf(text, "decimal(18, 2)"), cast.Type.Location.Span);
        Assert.Empty(Assert.IsType<CastExpression>(ExpressionAssert.ParseClean("CAST(x AS date)")).Type.Arguments);
    }

    [Fact]
    public void FunctionCallNode()
    {
        const string text = "count(DISTINCT a, b)";
        var call = Assert.IsType<FunctionCallExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal("count", call.Name);
        Assert.Equal(SpanOf(text, "count"), call.NameLocation.Span);
        Assert.True(call.IsDistinct);
        Assert.Equal(SpanOf(text, "DISTINCT"), call.DistinctLocation!.Value.Span);
        Assert.Equal(2, call.Arguments.Length);
        Assert.False(call.IsStar);
        Assert.Equal(NullTreatment.None, call.NullTreatment);
        Assert.Null(call.Filter);
        Assert.Null(call.Window);
        Assert.Equal(new TextSpan(0, text.Length), call.Location.Span);
    }

    [Fact]
    public void CountStar()
    {
        var call = Assert.IsType<FunctionCallExpression>(ExpressionAssert.ParseClean("COUNT( * )"));
        Assert.True(call.IsStar);
        Assert.Empty(call.Arguments);
        Assert.Empty(call.Children);
    }

    [Theory]
    [InlineData("LAST_VALUE(x IGNORE NULLS)", NullTreatment.IgnoreNulls, "IGNORE NULLS")]
    [InlineData("LAST_VALUE(x) IGNORE  NULLS", NullTreatment.IgnoreNulls, "IGNORE  NULLS")]
    [InlineData("LAG(x, 1) respect nulls", NullTreatment.RespectNulls, "respect nulls")]
    public void NullTreatmentInsideOrAfterTheParentheses(string text, NullTreatment expected, string written)
    {
        var call = Assert.IsType<FunctionCallExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal(expected, call.NullTreatment);
        Assert.Equal(SpanOf(text, written), call.NullTreatmentLocation!.Value.Span);
    }

    [Fact]
    public void FilterAndWindow()
    {
        const string text = "SUM(x) FILTER (WHERE ok) OVER (PARTITION BY a, b ORDER BY c DESC NULLS FIRST, d ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING)";
        var call = Assert.IsType<FunctionCallExpression>(ExpressionAssert.ParseClean(text));
        Assert.Equal("ok", ExpressionPrinter.Print(call.Filter!));
        var window = call.Window!;
        Assert.Equal(SpanOf(text, "OVER (PARTITION BY a, b ORDER BY c DESC NULLS FIRST, d ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING)"), window.Location.Span);
        Assert.Equal(["a", "b"], window.PartitionBy.Select(ExpressionPrinter.Print));
        Assert.Equal(2, window.OrderBy.Length);
        Assert.True(window.OrderBy[0].IsDescending);
        Assert.Equal(NullsOrder.First, window.OrderBy[0].Nulls);
        Assert.Equal(SpanOf(text, "c DESC NULLS FIRST"), window.OrderBy[0].Location.Span);
        Assert.False(window.OrderBy[1].IsDescending);
        Assert.Equal(NullsOrder.Unspecified, window.OrderBy[1].Nulls);
        var frame = window.Frame!;
        Assert.Equal(FrameUnit.Rows, frame.Unit);
        Assert.Equal(FrameBoundKind.Preceding, frame.Start.Kind);
        Assert.Equal("2", ExpressionPrinter.Print(frame.Start.Offset!));
        Assert.Equal(SpanOf(text, "2 PRECEDING"), frame.Start.Location.Span);
        Assert.Equal(FrameBoundKind.UnboundedFollowing, frame.End!.Kind);
        Assert.Null(frame.End.Offset);
        Assert.Equal(SpanOf(text, "ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING"), frame.Location.Span);
        Assert.Equal(["x", "ok", "a", "b", "c", "d", "2"], call.Children.Select(ExpressionPrinter.Print));
    }

    [Fact]
    public void SingleBoundFrame()
    {
        var call = Assert.IsType<FunctionCallExpression>(ExpressionAssert.ParseClean("SUM(x) OVER (ORDER BY y RANGE UNBOUNDED PRECEDING)"));
        Assert.Equal(FrameUnit.Range, call.Window!.Frame!.Unit);
        Assert.Equal(FrameBoundKind.UnboundedPreceding, call.Window.Frame.Start.Kind);
        Assert.Null(call.Window.Frame.End);
    }

    [Fact]
    public void EmptyWindow()
    {
        var call = Assert.IsType<FunctionCallExpression>(ExpressionAssert.ParseClean("ROW_NUMBER() OVER ()"));
        Assert.Empty(call.Window!.PartitionBy);
        Assert.Empty(call.Window.OrderBy);
        Assert.Null(call.Window.Frame);
    }

    [Fact]
    public void DescendantsAreInSourceOrder()
    {
        var tree = ExpressionAssert.ParseClean("COALESCE(a + b, -c) * CASE WHEN d THEN e END");
        Assert.Equal(
            ["a", "b", "c", "d", "e"],
            tree.DescendantsAndSelf().OfType<ColumnExpression>().Select(c => c.Name));
        Assert.Equal(10, tree.DescendantsAndSelf().Count());
    }

    [Fact]
    public void FailedParsesContainAnErrorNodeCoveringTheMistake()
    {
        var bag = new StripeModelGen.Compiler.Diagnostics.DiagnosticBag();
        var tree = ExpressionParser.Parse("a + SUM(b", bag);
        var binary = Assert.IsType<BinaryExpression>(tree);
        var error = Assert.IsType<ErrorExpression>(binary.Right);
        Assert.Equal(new TextSpan(4, 5), error.Location.Span);
    }

    [Fact]
    public void TrailingGarbageMakesTheWholeExpressionAnError()
    {
        var bag = new StripeModelGen.Compiler.Diagnostics.DiagnosticBag();
        var tree = ExpressionParser.Parse(" a b c ", bag);
        Assert.Equal(new TextSpan(1, 5), Assert.IsType<ErrorExpression>(tree).Location.Span);
    }

    [Fact]
    public void ErrorNodePrintsAsAPlaceholder()
    {
        var tree = ExpressionParser.Parse("1 + ;", new StripeModelGen.Compiler.Diagnostics.DiagnosticBag());
        Assert.Equal("(1 + <error>)", ExpressionPrinter.Print(tree));
    }

    [Fact]
    public void MarkedTextRoundTrips()
    {
        var (text, span) = MarkedText.Parse("SUM(amount) [|#|] 1");
        Assert.Equal("SUM(amount) # 1", text);
        Assert.Equal(new TextSpan(12, 1), span);
        Assert.Equal("SUM(amount) [|#|] 1", MarkedText.Mark(text, span));
        Assert.Equal((string.Empty, new TextSpan(0, 0)), MarkedText.Parse("[||]"));
    }

    [Theory]
    [InlineData("no markers")]
    [InlineData("[|one|] [|two|]")]
    [InlineData("only [| start")]
    [InlineData("only |] end")]
    public void MarkedTextNeedsExactlyOnePair(string marked) => Assert.Throws<ArgumentException>(() => MarkedText.Parse(marked));
}
