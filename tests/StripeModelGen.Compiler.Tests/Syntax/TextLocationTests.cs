using StripeModelGen.Compiler.Tests.Testing;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Syntax;

/// <summary>Lines and columns as editors count them: one-based, a column per code point, any line ending.</summary>
public sealed class TextLocationTests
{
    private static TextLocation Locate(string marked)
    {
        var (text, span) = MarkedText.Parse(marked);
        return new SourceText("m.yml", text).GetLocation(span);
    }

    [Theory]
    [InlineData("[|a|]bc", 1, 1)]
    [InlineData("ab[|c|]", 1, 3)]
    [InlineData("ab\n[|c|]", 2, 1)]
    [InlineData("ab\r\nc[|d|]", 2, 2)]
    [InlineData("ab\rc[|d|]", 2, 2)]
    [InlineData("😀[|x|]", 1, 2)]
    [InlineData("a😀😀 [|x|]", 1, 5)]
    [InlineData("é́[|x|]", 1, 3)]
    [InlineData("x\n\n[||]", 3, 1)]
    public void Line_and_column(string marked, int line, int column)
    {
        var location = Locate(marked);
        Assert.Equal((line, column), (location.Line, location.Column));
    }

    [Fact]
    public void End_line_and_column_of_a_span_over_lines()
    {
        var location = Locate("a: [|😀b\n  cd|]\n");
        Assert.Equal((1, 4, 2, 5), (location.Line, location.Column, location.EndLine, location.EndColumn));
        Assert.Equal("m.yml:1:4", location.ToString());
    }

    [Fact]
    public void A_span_ending_with_a_line_break_ends_on_its_own_line()
    {
        var location = Locate("[|ab\n|]cd");
        Assert.Equal((1, 1, 1, 4), (location.Line, location.Column, location.EndLine, location.EndColumn));
        var empty = Locate("ab\n[||]cd");
        Assert.Equal((2, 1, 2, 1), (empty.Line, empty.Column, empty.EndLine, empty.EndColumn));
    }

    [Fact]
    public void Positions_past_the_end_are_clamped()
    {
        var source = new SourceText("m.yml", "ab\ncd");
        Assert.Equal(1, source.GetLineIndex(100));
        Assert.Equal(5, source.GetPosition(9, 9));
        Assert.Equal(3, source.GetPosition(2, 1));
    }
}
