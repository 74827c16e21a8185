using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Syntax;

public sealed class ScalarSourceMapTests
{
    private static YamlScalarSyntax ReadSql(string yaml)
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<YamlMappingSyntax>(YamlTreeReader.Read(new SourceText("m.yml", yaml), bag));
        Assert.Equal(0, bag.Count);
        return Assert.IsType<YamlScalarSyntax>(root.Find("sql")!.Value);
    }

    /// <summary>Every value character that is not a line break, folded space or escape maps to the same character in the file.</summary>
    private static void AssertMapped(string yaml, string expectedValue)
    {
        var scalar = ReadSql(yaml);
        Assert.Equal(expectedValue, scalar.Value);
        Assert.False(scalar.ValueOffsets.IsDefaultOrEmpty, "the source map was dropped");
        Assert.Equal(scalar.Value.Length, scalar.ValueOffsets.Length);
        for (var i = 0; i < scalar.Value.Length; i++)
        {
            var offset = scalar.ValueOffsets[i];
            Assert.InRange(offset, scalar.Span.Start, scalar.Span.End);
            if (i > 0)
                Assert.True(offset >= scalar.ValueOffsets[i - 1], $"offsets go backwards at value index {i}");
            var c = scalar.Value[i];
            if (c is not ('\n' or ' ') && yaml[offset] is not ('\\' or '\''))
                Assert.Equal(c, yaml[offset]);
        }
    }

    [Theory]
    [InlineData("sql: |\n  a\n  b", "a\nb")]
    [InlineData("sql: >\n  a\n  b", "a b")]
    [InlineData("sql: |+\n  a\n  b", "a\nb")]
    [InlineData("sql: |\r\n  a\r\n  b", "a\nb")]
    public void BlockScalarAtTheEndOfAFileWithoutAFinalLineBreak(string yaml, string value) => AssertMapped(yaml, value);

    [Fact]
    public void EscapedLineBreakKeepsTheSpacesBeforeIt() => AssertMapped("sql: \"a  \\\n   b\"\n", "a  b");

    [Theory]
    [InlineData("sql: SUM(x) + 1\n", "SUM(x) + 1")]
    [InlineData("sql: a\n  b\n\n  c\n", "a b\nc")]
    [InlineData("sql: 'a ''b'''\n", "a 'b'")]
    [InlineData("sql: 'a  \n  b'\n", "a b")]
    [InlineData("sql: \"a \\\"b\\\" \\t \\u00e9\"\n", "a \"b\" \t é")]
    [InlineData("sql: \"a\\\n  b\"\n", "ab")]
    [InlineData("sql: |\n  a\n   b\n\n  c\n", "a\n b\n\nc\n")]
    [InlineData("sql: |-\n  a\n  b\n\n", "a\nb")]
    [InlineData("sql: |+\n  a\n  b\n\n", "a\nb\n\n")]
    [InlineData("sql: >\n  a\n  b\n\n  c\n   d\n  e\n", "a b\nc\n d\ne\n")]
    [InlineData("sql: >-\n  a\n\n  b\n", "a\nb")]
    [InlineData("sql: |\n  a\n# comment\nnext: 1\n", "a\n")]
    [InlineData("sql: |\n  é😀\n  x\n", "é😀\nx\n")]
    public void ScalarStyles(string yaml, string value) => AssertMapped(yaml, value);

    [Fact]
    public void SpanOfAnExpressionTokenInABlockWithoutFinalLineBreak()
    {
        const string yaml = "sql: |\n  SUM(x)\n  + y";
        var scalar = ReadSql(yaml);
        var location = scalar.GetSourceLocation(scalar.Value.IndexOf('y', StringComparison.Ordinal), 1);
        Assert.Equal((3, 5), (location.Line, location.Column));
    }
}
