using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Tests.Testing;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Expressions;

/// <summary>Errors deep inside an expression point at the exact file line and column, whatever the YAML scalar style.</summary>
public sealed class ExpressionYamlLocationTests
{
    private static YamlScalarSyntax ReadSql(string yaml, YamlScalarStyle style)
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YamlMappingSyntax>(YamlTreeReader.Read(new SourceText("m.yml", yaml), bag));
        Assert.Equal(0, bag.Count);
        var scalar = Assert.IsType<YamlScalarSyntax>(root.Find("sql")!.Value);
        Assert.Equal(style, scalar.Style);
        Assert.False(scalar.ValueOffsets.IsDefaultOrEmpty, "the scalar has no source map");
        return scalar;
    }

    private static Diagnostic SingleDiagnostic(string markedYaml, YamlScalarStyle style, string id, int line, int column)
    {
        var (yaml, span) = MarkedText.Parse(markedYaml);
        var scalar = ReadSql(yaml, style);
        var bag = new DiagnosticBag();
        ExpressionParser.Parse(scalar, bag);
        var diagnostics = bag.ToImmutableSorted();
        var actual = string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Location}: {MarkedText.Mark(yaml, d.Location!.Value.Span)}"));
        Assert.True(diagnostics.Length == 1 && diagnostics[0].Id == id && diagnostics[0].Location?.Span == span, $"Expected one {id} at {span}, got:\n{actual}");
        var location = diagnostics[0].Location!.Value;
        Assert.Equal("m.yml", location.Path);
        Assert.Equal((line, column), (location.Line, location.Column));
        return diagnostics[0];
    }

    [Fact]
    public void PlainScalar() =>
        SingleDiagnostic("name: x\nsql: ${TABLE}.amount * 2 [|;|] 1\n", YamlScalarStyle.Plain, "SMG1101", 2, 26);

    [Fact]
    public void PlainScalarOverSeveralLines() =>
        SingleDiagnostic("sql: ${TABLE}.amount\n  + 1\n  * [|)|]\n", YamlScalarStyle.Plain, "SMG1105", 3, 5);

    [Fact]
    public void PlainScalarWithReferences() =>
        SingleDiagnostic("sql: COALESCE(${a}, [|${b.c.d}|])\n", YamlScalarStyle.Plain, "SMG1104", 1, 21);

    [Fact]
    public void SingleQuotedWithDoubledQuotes() =>
        SingleDiagnostic("sql: 'CASE WHEN ${TABLE}.status = ''paid'' THEN 1 [|;|] END'\n", YamlScalarStyle.SingleQuoted, "SMG1101", 1, 51);

    [Fact]
    public void SingleQuotedStringLiteralStartsAtItsEscapedQuote()
    {
        var (yaml, _) = MarkedText.Parse("sql: 'x = ''it''''s'' [|+|]'\n");
        var scalar = ReadSql(yaml, YamlScalarStyle.SingleQuoted);
        Assert.Equal("x = 'it''s' +", scalar.Value);
        var tree = Assert.IsType<BinaryExpression>(ExpressionAssert.ParseScalarClean(scalar, expectError: true));
        var literal = Assert.IsType<LiteralExpression>(Assert.IsType<BinaryExpression>(tree.Right).Left);
        Assert.Equal("it's", literal.Value);
        Assert.Equal(yaml.IndexOf("''it", StringComparison.Ordinal), literal.Location.Span.Start);
        Assert.StartsWith("''it''''s'", yaml[literal.Location.Span.Start..], StringComparison.Ordinal);
    }

    [Fact]
    public void DoubleQuotedWithEscapes() =>
        SingleDiagnostic("sql: \"CONCAT(\\\"a\\\", '\\t', \\u0041) [|#|]\"\n", YamlScalarStyle.DoubleQuoted, "SMG1101", 1, 35);

    [Fact]
    public void DoubleQuotedOverSeveralLines() =>
        SingleDiagnostic("sql: \"SUM(x)\n  / NULLIF(\\\n  y, 0) [|`|]\"\n", YamlScalarStyle.DoubleQuoted, "SMG1101", 3, 9);

    [Fact]
    public void LiteralBlock() =>
        SingleDiagnostic(
            "name: x\nsql: |\n  CASE\n    WHEN ${TABLE}.amount > 0\n    THEN 'positive' [|;|]\n  END\nlabel: y\n",
            YamlScalarStyle.Literal, "SMG1101", 5, 21);

    [Fact]
    public void LiteralBlockWithCrLf() =>
        SingleDiagnostic(
            "sql: |\r\n  SUM(\r\n    ${TABLE}.a [|@|]\r\n  )\r\n",
            YamlScalarStyle.Literal, "SMG1101", 3, 16);

    [Fact]
    public void LiteralBlockMissingParenthesisPointsAfterTheLastToken() =>
        SingleDiagnostic("sql: |\n  SUM(\n    amount[||]\nnext: 1\n", YamlScalarStyle.Literal, "SMG1105", 3, 11);

    [Fact]
    public void LiteralBlockUnterminatedStringSpansLines() =>
        SingleDiagnostic("sql: |-\n  a = [|'|]open\n  still open\n", YamlScalarStyle.Literal, "SMG1102", 2, 7);

    [Fact]
    public void FoldedBlockOverSeveralLines() =>
        SingleDiagnostic(
            "sql: >\n  SUM(${TABLE}.amount)\n  /\n  NULLIF(COUNT(*), 0)\n  [|::|]numeric\nother: 1\n",
            YamlScalarStyle.Folded, "SMG1105", 5, 3);

    [Fact]
    public void FoldedBlockWithMoreIndentedAndBlankLines() =>
        SingleDiagnostic(
            "sql: >-\n  COALESCE(\n    ${a},\n\n    ${b}\n  ) [|1e|]\n",
            YamlScalarStyle.Folded, "SMG1108", 6, 5);

    [Fact]
    public void ReferencePartLocationsInsideABlock()
    {
        const string yaml = "sql: |\n  ${TABLE}.a\n    + ${ orders . total }\n";
        var scalar = ReadSql(yaml, YamlScalarStyle.Literal);
        var tree = Assert.IsType<BinaryExpression>(ExpressionAssert.ParseScalarClean(scalar));
        var reference = Assert.IsType<ReferenceExpression>(tree.Right);
        var total = reference.Parts[1].Location;
        Assert.Equal((3, 19), (total.Line, total.Column));
        Assert.Equal("total", yaml.Substring(total.Span.Start, total.Span.Length));
        Assert.Equal((2, 3), (tree.Location.Line, tree.Location.Column));
        Assert.Equal((3, 26), (tree.Location.EndLine, tree.Location.EndColumn));
    }

    [Fact]
    public void EmptyBlockReportsTheScalar()
    {
        var scalar = ReadSql("sql: \"  \"\n", YamlScalarStyle.DoubleQuoted);
        var bag = new DiagnosticBag();
        ExpressionParser.Parse(scalar, bag);
        var diagnostic = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal("SMG1109", diagnostic.Id);
        Assert.Equal((1, 7), (diagnostic.Location!.Value.Line, diagnostic.Location.Value.Column));
    }

    [Fact]
    public void ScalarWithoutSourceMapFallsBackToTheWholeScalar()
    {
        var source = new SourceText("m.yml", "sql: a ;");
        var scalar = new YamlScalarSyntax(source, new TextSpan(5, 3), "a ;", YamlScalarStyle.Plain, default);
        var bag = new DiagnosticBag();
        ExpressionParser.Parse(scalar, bag);
        Assert.Equal(new TextSpan(5, 3), Assert.Single(bag.ToImmutableSorted()).Location!.Value.Span);
    }
}
