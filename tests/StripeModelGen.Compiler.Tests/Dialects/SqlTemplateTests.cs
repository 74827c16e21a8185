using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Tests.Testing;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>Template text: holes, what closes them off, and the shape the writer relies on.</summary>
public sealed class SqlTemplateTests
{
    private static SqlTemplate Parse(string text) =>
        SqlTemplate.Parse(text, (start, length, message) => Assert.Fail($"{message} at {MarkedText.Mark(text, new TextSpan(start, length))}"))!;

    private static string Describe(SqlTemplate template) =>
        string.Join(' ', template.Holes.Select(h => h.Name + (h.Delimited ? ":delimited" : string.Empty) + (h.InString ? ":string" : string.Empty)));

    [Theory]
    [InlineData("SUM({distinct}{0})", "distinct 0:delimited")]
    [InlineData("NULLIF({0}, {1})", "0:delimited 1:delimited")]
    [InlineData("({2} + {1} * INTERVAL '1 {0}')", "2 1 0:string")]
    [InlineData("CAST({0} AS DATE)", "0:delimited")]
    [InlineData("EXTRACT(MONTH FROM {1})", "1:delimited")]
    [InlineData("CASE WHEN {0} THEN {1} ELSE {2} END", "0:delimited 1:delimited 2:delimited")]
    [InlineData("CASE WHEN {0} <= {1} THEN 1 END", "0 1")]
    [InlineData("ARRAY_AGG({0} ORDER BY {1} DESC)", "0:delimited 1:delimited")]
    [InlineData("({0})[{1}]", "0:delimited 1:delimited")]
    [InlineData("{0} AT TIME ZONE {1}", "0 1")]
    [InlineData("\"{name}\"", "name:string")]
    public void Holes_know_whether_their_surroundings_close_off_an_argument(string text, string expected) =>
        Assert.Equal(expected, Describe(Parse(text)));

    [Theory]
    [InlineData("SUM({0})", true, true)]
    [InlineData("CURRENT_DATE", true, false)]
    [InlineData("(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')", true, false)]
    [InlineData("({0})[{1}]", true, false)]
    [InlineData("({0})[{1}][2]", true, false)]
    [InlineData("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY {0})", false, true)]
    [InlineData("CASE WHEN {0} THEN 1 END", false, false)]
    [InlineData("{0} AT TIME ZONE 'UTC'", false, false)]
    [InlineData("(a) + (b)", false, false)]
    [InlineData("F(a) + G(b)", false, false)]
    [InlineData("F(a) || {0}", false, false)]
    [InlineData("F(')')", true, true)]
    [InlineData("{0}", false, false)]
    public void The_shape_decides_parentheses_and_whether_filter_or_over_can_follow(string text, bool primary, bool endsWithCall)
    {
        var template = Parse(text);

        Assert.Equal((primary, endsWithCall), (template.IsPrimary, template.EndsWithCall));
    }

    [Fact]
    public void Doubled_braces_and_quotes_are_literal_text()
    {
        var template = Parse("F('{{x}}', 'it''s {0}', \"a\"\"b\", {1})");

        Assert.Equal("0:string 1:delimited", Describe(template));
        Assert.Equal("F('{x}', 'it''s month', \"a\"\"b\", v)", template.Render(h => h.Index == 0 ? "month" : "v"));
    }

    [Theory]
    [InlineData("ABS([|{|]0)", "`{` is not closed; write `{{` for a literal brace")]
    [InlineData("ABS({0}[|}|])", "`}` without a `{`; write `}}` for a literal brace")]
    [InlineData("ABS([|{Zero}|])", "`{Zero}` is not a hole: holes are `{0}`, `{1}`... or lower-case names such as `{args}`")]
    [InlineData("ABS([|{}|])", "`{}` is not a hole: holes are `{0}`, `{1}`... or lower-case names such as `{args}`")]
    [InlineData("ABS[|(|]({0})", "this `(` is not closed by a `)`")]
    [InlineData("ABS({0})[|)|]", "`)` does not close anything")]
    [InlineData("A([|]|]", "`]` does not close anything")]
    [InlineData("F([|'|]x)", "this `'` is not closed")]
    [InlineData("F([|\"|]x)", "this `\"` is not closed")]
    public void Malformed_templates_are_reported_at_the_offending_character(string marked, string message)
    {
        var (text, span) = MarkedText.Parse(marked);
        var errors = new List<(TextSpan, string)>();

        Assert.Null(SqlTemplate.Parse(text, (start, length, m) => errors.Add((new TextSpan(start, length), m))));
        Assert.Equal((span, message), Assert.Single(errors));
    }
}
