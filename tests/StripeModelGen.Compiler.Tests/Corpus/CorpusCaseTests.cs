using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Corpus;

/// <summary>The corpus file format itself (see Corpus/README.md).</summary>
public sealed class CorpusCaseTests
{
    [Fact]
    public void Files_marks_and_expectations_are_read()
    {
        var corpusCase = CorpusCase.Parse("t", """
            # expect: SMG1013 did you mean
            # expect: SMG1003
            # note: two files
            --- views/b.yml
            a: 1
            [|a|]: 2

            --- views/a.yml
            x:
              [|tabl|]: y
            """);

        Assert.Equal(["two files"], corpusCase.Notes);
        Assert.Equal(["project.yml", "views/b.yml", "views/a.yml"], corpusCase.Files.Select(f => f.Path));
        Assert.Equal(CorpusCase.DefaultProjectText, corpusCase.Files[0].Text);
        Assert.Equal("a: 1\na: 2\n", corpusCase.Files[1].Text);
        // Marks pair with expectations in file-path order: views/a.yml comes first.
        Assert.Equal(
            [("SMG1013", "views/a.yml", new TextSpan(5, 4), "did you mean"), ("SMG1003", "views/b.yml", new TextSpan(5, 1), (string?)null)],
            corpusCase.Expected.Select(e => (e.Id, e.Path, e.Span, e.MessageContains)));
    }

    [Fact]
    public void A_case_with_its_own_project_file_gets_no_default()
    {
        var corpusCase = CorpusCase.Parse("t", "# expect: none\n--- project.yml\nname: x\n");
        Assert.Equal("name: x\n", Assert.Single(corpusCase.Files).Text);
        Assert.Empty(corpusCase.Expected);
    }

    [Fact]
    public void Empty_marks_nested_marks_and_a_mark_at_the_end_of_the_file()
    {
        var corpusCase = CorpusCase.Parse("t", "# expect: SMG1001\n# expect: SMG1002\n# expect: SMG0006\n--- a.yml\nk: [|[|[|]x|]\n[||]\n\n--- b.yml\n");
        Assert.Equal("k: [x\n", corpusCase.Files[1].Text);
        Assert.Equal([new TextSpan(3, 1), new TextSpan(3, 2), new TextSpan(6, 0)], corpusCase.Expected.Select(e => e.Span).Take(2).Append(corpusCase.Files[1].Marks.Single(m => m.Length == 0)));
        Assert.Equal(string.Empty, corpusCase.Files[2].Text);
    }

    [Fact]
    public void Crlf_cases_convert_line_endings_before_marks_are_counted()
    {
        var corpusCase = CorpusCase.Parse("t", "# expect: SMG1003\n# line-endings: crlf\n--- a.yml\na: 1\n[|a|]: 2\n");
        Assert.Equal("a: 1\r\na: 2\r\n", corpusCase.Files[1].Text);
        Assert.Equal(new TextSpan(6, 1), Assert.Single(corpusCase.Expected).Span);
        Assert.Equal("name: test\r\n", corpusCase.Files[0].Text);
    }

    [Fact]
    public void A_yaml_document_marker_is_content_not_a_file_header()
    {
        var corpusCase = CorpusCase.Parse("t", "# expect: none\n--- a.yml\n---\n--- b\nx: 1\n");
        Assert.Equal("---\n--- b\nx: 1\n", corpusCase.Files[1].Text);
    }

    [Theory]
    [InlineData("--- a.yml\nx: 1\n", "needs `# expect:")]
    [InlineData("# expect: SMG1001\n--- a.yml\nx: 1\n", "1 `# expect:` line(s) but 0")]
    [InlineData("# expect: none\n--- a.yml\n[|x|]: 1\n", "0 `# expect:` line(s) but 1")]
    [InlineData("# expect: none\n# expect: SMG1001\n--- a.yml\n[|x|]: 1\n", "cannot be combined")]
    [InlineData("# expect: 1001\n--- a.yml\n[|x|]: 1\n", "not a diagnostic id")]
    [InlineData("# expext: SMG1001\n--- a.yml\n[|x|]: 1\n", "only `# expect:`")]
    [InlineData("# expect: SMG1001\n--- a.yml\n[|x: 1\n", "without its `|]`")]
    [InlineData("# expect: none\n", "at least one file")]
    [InlineData("# expect: none\n--- a.yml\n--- a.yml\n", "appears twice")]
    public void Malformed_cases_say_what_is_wrong(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => CorpusCase.Parse("t", text));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_marks_actual_spans_ready_to_paste()
    {
        var corpusCase = CorpusCase.Parse("t", "# expect: none\n# note: n\n--- a.yml\nab: cd\n");
        var rendered = corpusCase.Render([("SMG1013", "a.yml", new TextSpan(0, 2)), ("SMG1014", "a.yml", new TextSpan(6, 0))]);
        Assert.Equal("# expect: SMG1013\n# expect: SMG1014\n# note: n\n--- a.yml\n[|ab|]: cd[||]\n", rendered);
        Assert.Equal(corpusCase.Files.Select(f => f.Text), CorpusCase.Parse("t", rendered).Files.Select(f => f.Text));
    }
}
