using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Syntax;

/// <summary>
/// The map from each character of a scalar's value back to the file (<see cref="YamlScalarSyntax.ValueOffsets"/>),
/// for every scalar style, with LF and CRLF line endings. The invariant: the file character at a value
/// character's offset is that character, except for line breaks and spaces YAML made from line breaks
/// (they point at the break) and escapes (they point at the backslash).
/// </summary>
public sealed class ScalarOffsetTests
{
    private static YamlScalarSyntax ReadValue(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(new SourceText("m.yml", yaml), diagnostics);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.ToImmutableSorted()));
        return Assert.IsType<YamlScalarSyntax>(Assert.IsType<YamlMappingSyntax>(root).Find("v")!.Value);
    }

    private static void AssertInvariant(string yaml, string expectedValue)
    {
        var scalar = ReadValue(yaml);
        Assert.Equal(expectedValue, scalar.Value);
        Assert.False(scalar.ValueOffsets.IsDefault, $"the map of {Show(yaml)} was dropped");
        Assert.Equal(scalar.Value.Length, scalar.ValueOffsets.Length);
        for (var i = 0; i < scalar.Value.Length; i++)
        {
            var value = scalar.Value[i];
            var offset = scalar.ValueOffsets[i];
            Assert.InRange(offset, 0, yaml.Length - 1);
            if (i > 0)
                Assert.True(offset >= scalar.ValueOffsets[i - 1], $"offsets go backwards at value index {i} of {Show(yaml)}");
            var source = yaml[offset];
            var fromBreak = value is '\n' or ' ' && source is '\r' or '\n';
            var fromEscape = scalar.Style == YamlScalarStyle.DoubleQuoted && source == '\\';
            Assert.True(source == value || fromBreak || fromEscape,
                $"value[{i}] = {Show(value.ToString())} maps to offset {offset} = {Show(source.ToString())} in {Show(yaml)}");
        }
    }

    private static string Show(string text) => "\"" + text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    public static TheoryData<string, string, string> Scalars()
    {
        var cases = new (string Name, string Yaml, string Value)[]
        {
            ("plain", "v: SUM(${amount}) + 1\n", "SUM(${amount}) + 1"),
            ("plain multi-line", "v: SUM(a)\n  + b\n\n  - c\nw: 1\n", "SUM(a) + b\n- c"),
            ("plain with trailing comment", "v: a b   # note\n", "a b"),
            ("single-quoted", "v: 'it''s'\n", "it's"),
            ("single-quoted folded", "v: 'a ''b''  \n   c\n\n   d'\n", "a 'b' c\nd"),
            ("double-quoted escapes", "v: \"a\\nb \\\"q\\\" \\x41 \\u00e9 \\t|\"\n", "a\nb \"q\" A é \t|"),
            ("double-quoted backslash", "v: \"a\\\\b\"\n", "a\\b"),
            ("double-quoted escaped line break", "v: \"ab\\\n   cd\"\n", "abcd"),
            ("double-quoted folded", "v: \"ab\n   cd\n\n   ef\"\n", "ab cd\nef"),
            ("literal", "v: |\n  SELECT a\n    FROM t\n\n  WHERE b\nw: 1\n", "SELECT a\n  FROM t\n\nWHERE b\n"),
            ("literal strip", "v: |-\n  a\n  b\n\n\nw: 1\n", "a\nb"),
            ("literal keep", "v: |+\n  a\n  b\n\n\nw: 1\n", "a\nb\n\n\n"),
            ("literal deeper first line", "v: |\n    a\n    b\n", "a\nb\n"),
            ("folded", "v: >\n  a\n  b\n\n  c\nw: 1\n", "a b\nc\n"),
            ("folded more-indented", "v: >\n  a\n    indented\n  b\n\n\n  c\n", "a\n  indented\nb\n\nc\n"),
            ("folded strip", "v: >-\n  a\n  b\n", "a b"),
            ("emoji plain", "v: 😀 and é\n", "😀 and é"),
            ("emoji double-quoted", "v: \"😀\\u00e9😀\"\n", "😀é😀"),
            ("emoji literal", "v: |\n  😀\n  x😀y\n", "😀\nx😀y\n"),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var (name, yaml, value) in cases)
        {
            data.Add(name, yaml, value);
            data.Add(name + " (CRLF)", yaml.Replace("\n", "\r\n", StringComparison.Ordinal), value);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Every_value_character_maps_to_its_source(string name, string yaml, string value)
    {
        _ = name;
        AssertInvariant(yaml, value);
    }

    [Fact]
    public void Escapes_map_to_their_backslash()
    {
        const string yaml = "v: \"x\\u00e9\\x41\"\n";
        var scalar = ReadValue(yaml);
        Assert.Equal("xéA", scalar.Value);
        Assert.Equal([4, 5, 11], scalar.ValueOffsets);
    }

    [Fact]
    public void A_surrogate_pair_maps_to_two_consecutive_offsets_and_spans_both()
    {
        const string yaml = "v: a😀b\n";
        var scalar = ReadValue(yaml);
        Assert.Equal([3, 4, 5, 6], scalar.ValueOffsets);
        var emoji = scalar.GetSourceSpan(1, 2);
        Assert.Equal("😀", yaml.Substring(emoji.Start, emoji.Length));
        var location = scalar.GetSourceLocation(3, 1);
        Assert.Equal(6, location.Column); // "v: a" then the emoji as one column
    }

    [Fact]
    public void A_token_in_a_literal_block_points_at_its_line_and_column()
    {
        const string yaml = "v: |\n  SUM(x)\n    + FOO(y)\nw: 1\n";
        var scalar = ReadValue(yaml);
        var index = scalar.Value.IndexOf("FOO", StringComparison.Ordinal);
        var location = scalar.GetSourceLocation(index, 3);
        Assert.Equal((3, 7, "FOO"), (location.Line, location.Column, yaml.Substring(location.Span.Start, location.Span.Length)));
    }

    [Fact]
    public void A_token_in_a_folded_plain_scalar_points_at_its_line()
    {
        const string yaml = "v: SUM(x)\n  + FOO(y)\n";
        var scalar = ReadValue(yaml);
        var location = scalar.GetSourceLocation(scalar.Value.IndexOf("FOO", StringComparison.Ordinal), 3);
        Assert.Equal((2, 5), (location.Line, location.Column));
    }

    [Fact]
    public void An_empty_span_at_the_end_of_the_value_points_after_its_last_character()
    {
        const string yaml = "v: \"ab\"\n";
        var scalar = ReadValue(yaml);
        Assert.Equal(new TextSpan(6, 0), scalar.GetSourceSpan(2, 0));
    }

    [Theory]
    [InlineData("v: |2\n    indented by the indicator\n", "  indented by the indicator\n")]
    [InlineData("v: >1\n   x\n", "  x\n")]
    [InlineData("v: \"\\U0001F600\"\n", "😀")]
    public void Unmappable_scalars_fall_back_to_the_whole_scalar(string yaml, string value)
    {
        var scalar = ReadValue(yaml);
        Assert.Equal(value, scalar.Value);
        if (!scalar.ValueOffsets.IsDefault)
        {
            AssertInvariant(yaml, value);
            return;
        }
        Assert.Equal(scalar.Span, scalar.GetSourceSpan(0, 1));
        Assert.Equal(scalar.Span, scalar.GetSourceSpan(3, 100));
    }

    [Fact]
    public void Out_of_range_requests_are_clamped_not_thrown()
    {
        var scalar = ReadValue("v: abc\n");
        Assert.Equal(new TextSpan(3, 3), scalar.GetSourceSpan(-5, 100));
        Assert.Equal(new TextSpan(6, 0), scalar.GetSourceSpan(10, 0));
    }
}
