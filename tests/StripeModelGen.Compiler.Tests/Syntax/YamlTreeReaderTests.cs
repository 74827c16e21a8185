using System.Diagnostics;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Tests.Testing;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Syntax;

public sealed class YamlTreeReaderTests
{
    private static (YamlNodeSyntax? Root, DiagnosticBag Diagnostics, SourceText Source) Read(string text)
    {
        var source = new SourceText("m.yml", text);
        var diagnostics = new DiagnosticBag();
        return (YamlTreeReader.Read(source, diagnostics), diagnostics, source);
    }

    private static YamlNodeSyntax ReadClean(string text)
    {
        var (root, diagnostics, _) = Read(text);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.ToImmutableSorted()));
        Assert.NotNull(root);
        return root;
    }

    /// <summary>The node at <paramref name="path"/> (mapping keys and list indexes) must span exactly the marked text.</summary>
    private static void AssertSpan(string marked, params object[] path)
    {
        var (text, span) = MarkedText.Parse(marked);
        var node = ReadClean(text);
        foreach (var step in path)
        {
            node = step switch
            {
                string key => Assert.IsType<YamlMappingSyntax>(node).Find(key)!.Value,
                int index => Assert.IsType<YamlSequenceSyntax>(node).Items[index],
                _ => throw new ArgumentException("path steps are keys or indexes", nameof(path)),
            };
        }
        Assert.True(span == node.Span, $"expected {MarkedText.Mark(text, span)}\nactual   {MarkedText.Mark(text, node.Span)}");
    }

    [Theory]
    [InlineData("a: [|[1, 2, 3]|]\n")]
    [InlineData("a: [|[]|]\n")]
    [InlineData("a: [|[ 1, [2, 3] ]|] # comment\n")]
    [InlineData("a: [|[1,\n  2]|]\n")]
    [InlineData("a:\n  [|- 1\n  - 2|]\nb: 3\n")]
    [InlineData("a:\n[|- 1\n- 2|]\n")]
    public void Sequence_spans(string marked) => AssertSpan(marked, "a");

    [Theory]
    [InlineData("a: [|{ b: 1, c: 2 }|]\n")]
    [InlineData("a: [|{}|]\n")]
    [InlineData("a: [|{b: {c: 1}}|]\n")]
    [InlineData("a:\n  [|b: 1\n  c: 2|]\n\nd: 3\n")]
    [InlineData("a:\n  [|b: 1\n  c:\n    - 2|]\n")]
    public void Mapping_spans(string marked) => AssertSpan(marked, "a");

    [Theory]
    [InlineData("a: [|plain value|]\n")]
    [InlineData("a: [|plain value|]   # comment\n")]
    [InlineData("a: [|'single ''quoted'''|]\n")]
    [InlineData("a: [|\"double \\\"quoted\\\"\"|]\n")]
    [InlineData("a: [|multi\n  line plain|]\nb: 1\n")]
    [InlineData("a: [|\"multi\n  line\"|]\n")]
    public void Scalar_spans(string marked) => AssertSpan(marked, "a");

    [Fact]
    public void Flow_items_have_their_own_spans()
    {
        AssertSpan("a: [1, [|{ b: 2 }|], 3]\n", "a", 1);
        AssertSpan("a: [1, { b: [|[2]|] }]\n", "a", 1, "b");
        AssertSpan("a: { b: [|x|], c: y }\n", "a", "b");
    }

    [Fact]
    public void Block_list_items_span_from_their_first_key()
    {
        AssertSpan("views:\n  - [|name: charges\n    table: charges|]\n  - name: refunds\n", "views", 0);
        AssertSpan("views:\n  - name: charges\n  - [|name: refunds|]\n", "views", 1);
    }

    [Fact]
    public void Literal_block_span_starts_at_the_indicator()
    {
        var (text, span) = MarkedText.Parse("a: [||]|\n  x\n  y\nb: 1\n");
        var scalar = Assert.IsType<YamlScalarSyntax>(Assert.IsType<YamlMappingSyntax>(ReadClean(text)).Find("a")!.Value);
        Assert.Equal(span.Start, scalar.Span.Start);
        Assert.Equal(YamlScalarStyle.Literal, scalar.Style);
        Assert.Equal("x\ny\n", scalar.Value);
        Assert.True(scalar.Span.End <= text.IndexOf("b:", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_keep_their_spans_and_order()
    {
        var mapping = Assert.IsType<YamlMappingSyntax>(ReadClean("z: 1\na: 2\nm: 3\n"));
        Assert.Equal(["z", "a", "m"], mapping.Entries.Select(e => e.Key.Value));
        Assert.Equal(new TextSpan(5, 1), mapping.Entries[1].Key.Span);
    }

    [Fact]
    public void Aliases_resolve_to_the_anchored_node()
    {
        var mapping = Assert.IsType<YamlMappingSyntax>(ReadClean("a: &x [1, 2]\nb: *x\n"));
        Assert.Same(mapping.Find("a")!.Value, mapping.Find("b")!.Value);
    }

    [Fact]
    public void Duplicate_keys_are_reported_at_the_second_key_and_the_first_is_kept()
    {
        var (text, span) = MarkedText.Parse("a: 1\nb: 2\n[|a|]: 3\n");
        var (root, diagnostics, _) = Read(text);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal("SMG1003", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location!.Value.Span);
        Assert.Equal("Duplicate key `a`; the first one is at line 1", diagnostic.Message);
        var value = Assert.IsType<YamlScalarSyntax>(Assert.IsType<YamlMappingSyntax>(root).Find("a")!.Value);
        Assert.Equal("1", value.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("\n\n")]
    public void Empty_documents_have_no_root(string text)
    {
        var (root, diagnostics, _) = Read(text);
        Assert.Null(root);
        Assert.Equal(0, diagnostics.Count);
    }

    [Theory]
    [InlineData("flow lists", "[", "]")]
    [InlineData("flow mappings", "{a: ", "}")]
    public void Ten_thousand_deep_flow_nesting_is_one_diagnostic_and_fast(string what, string open, string close)
    {
        _ = what;
        const int depth = 10_000;
        var text = "a: " + string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth)) + "\n";
        var stopwatch = Stopwatch.StartNew();
        var (root, diagnostics, source) = Read(text);
        stopwatch.Stop();

        Assert.Null(root);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal("SMG1004", diagnostic.Id);
        // The root mapping is level 1, so the 64th bracket opens level 65.
        var sixtyFourth = 3 + (63 * open.Length);
        Assert.Equal(new TextSpan(sixtyFourth, 1), diagnostic.Location!.Value.Span);
        Assert.Equal(open[0], source[sixtyFourth]);
        // Reading stops at the limit: YamlDotNet needs seconds, growing quadratically, for the whole input.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Ten_thousand_deep_block_nesting_is_one_diagnostic()
    {
        // "- - - ... x": each "- " opens a list one level deeper, on one line.
        const int depth = 10_000;
        var text = "a:\n  " + string.Concat(Enumerable.Repeat("- ", depth)) + "x\n";
        var (root, diagnostics, source) = Read(text);

        Assert.Null(root);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal("SMG1004", diagnostic.Id);
        Assert.Equal("YAML nesting deeper than 64 levels", diagnostic.Message);
        var span = diagnostic.Location!.Value.Span;
        Assert.Equal("-", source.ToString(span));
        Assert.Equal(5 + (63 * 2), span.Start);
    }

    [Fact]
    public void Ten_thousand_deep_indented_block_nesting_is_one_diagnostic()
    {
        var lines = new System.Text.StringBuilder("a:\n");
        for (var level = 0; level < 10_000; level++)
            lines.Append(' ', 2 * (level + 1)).Append("b:\n");
        var (root, diagnostics, _) = Read(lines.ToString());

        Assert.Null(root);
        Assert.Equal("SMG1004", Assert.Single(diagnostics.ToImmutableSorted()).Id);
    }

    [Fact]
    public void Sixty_four_levels_are_allowed()
    {
        // Root mapping (level 1) and 63 nested lists.
        var text = "a: " + new string('[', 63) + "x" + new string(']', 63) + "\n";
        Assert.IsType<YamlMappingSyntax>(ReadClean(text));
    }

    [Fact]
    public void Alias_bomb_is_one_diagnostic_and_fast()
    {
        var text = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
            text.Append('a').Append(i).Append(": &a").Append(i).Append(" [").AppendJoin(", ", Enumerable.Repeat("*a" + (i - 1), 10)).Append("]\n");
        var stopwatch = Stopwatch.StartNew();
        var (root, diagnostics, _) = Read(text.ToString());

        Assert.Null(root);
        Assert.Equal("SMG1005", Assert.Single(diagnostics.ToImmutableSorted()).Id);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n")]
    [InlineData("a:\n  - { b: 1\n  - { c: 2 }\n")]
    [InlineData("a: \"unterminated\n")]
    [InlineData("a: 'x\n\tb: 1\n")]
    [InlineData("? [a\n: b\n")]
    [InlineData("a: &\n")]
    [InlineData("a: !<tag\n")]
    [InlineData("%YAML 9.9\n---\na: 1\n")]
    [InlineData("a: \"\\U0011FFFF\"\n")]
    [InlineData("dashboards:\ndashboards:\n #- n.ame: overview\n  :  tittle: Overview?")]
    public void Malformed_input_is_a_diagnostic_never_an_exception(string text)
    {
        var (_, diagnostics, source) = Read(text);
        var all = diagnostics.ToImmutableSorted();
        Assert.NotEmpty(all);
        Assert.All(all, d =>
        {
            Assert.StartsWith("SMG1", d.Id, StringComparison.Ordinal);
            Assert.InRange(d.Location!.Value.Span.End, 0, source.Length);
        });
    }

    [Fact]
    public void A_second_document_is_reported_at_its_marker()
    {
        var (text, span) = MarkedText.Parse("a: 1\n[|---|]\nb: 2\n");
        var (root, diagnostics, _) = Read(text);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(("SMG1007", span), (diagnostic.Id, diagnostic.Location!.Value.Span));
        Assert.NotNull(root);
    }

    [Fact]
    public void Offsets_after_an_emoji_count_utf16_units_and_columns_count_code_points()
    {
        // YamlDotNet's Mark.Index must count UTF-16 units, like SourceText, or every span after an emoji would be off by one.
        var (text, span) = MarkedText.Parse("a: \"😀\" [|extra|]\n");
        var (_, diagnostics, _) = Read(text);
        var location = Assert.Single(diagnostics.ToImmutableSorted()).Location!.Value;
        Assert.Equal(span, location.Span);
        Assert.Equal(1, location.Line);
        Assert.Equal(8, location.Column); // `a: "`, the emoji as one column, `" `
    }

    [Fact]
    public void Crlf_line_endings_keep_spans_exact()
    {
        var (text, span) = MarkedText.Parse("a: 1\r\nb:\r\n  - x\r\n  - [|y|]\r\n");
        var root = Assert.IsType<YamlMappingSyntax>(ReadClean(text));
        var item = Assert.IsType<YamlSequenceSyntax>(root.Find("b")!.Value).Items[1];
        Assert.Equal(span, item.Span);
        Assert.Equal((4, 5), (item.Location.Line, item.Location.Column));
    }
}
