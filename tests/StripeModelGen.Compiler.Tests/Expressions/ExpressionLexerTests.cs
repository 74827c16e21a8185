using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Text;
using static StripeModelGen.Compiler.Expressions.ExpressionTokenKind;

namespace StripeModelGen.Compiler.Tests.Expressions;

public sealed class ExpressionLexerTests
{
    private static IReadOnlyList<ExpressionToken> Lex(string text) => ExpressionLexer.Lex(ExpressionParser.CreateScalar(text));

    [Fact]
    public void TokenKindsAndSpans()
    {
        var tokens = Lex("SUM(${TABLE}.amount) <> 'x' || \"Y\" :: 1.5");
        Assert.Equal(
            [Identifier, OpenParen, Reference, Dot, Identifier, CloseParen, NotEquals, ExpressionTokenKind.String, Concat, QuotedIdentifier, ColonColon, Number, EndOfInput],
            tokens.Select(t => t.Kind));
        Assert.Equal(
            ["SUM", "(", "${TABLE}", ".", "amount", ")", "<>", "'x'", "||", "\"Y\"", "::", "1.5", ""],
            tokens.Select(t => t.Text));
        Assert.All(tokens, t => Assert.Equal(t.ValueSpan, t.Location.Span));
    }

    [Theory]
    [InlineData("+ - * / % = != <> < <= > >= ( ) , .", new[] { Plus, Minus, Star, Slash, Percent, ExpressionTokenKind.Equals, NotEquals, NotEquals, Less, LessOrEqual, Greater, GreaterOrEqual, OpenParen, CloseParen, Comma, Dot })]
    [InlineData("a<=b", new[] { Identifier, LessOrEqual, Identifier })]
    [InlineData("a.5", new[] { Identifier, Number })]
    public void Operators(string text, ExpressionTokenKind[] kinds) =>
        Assert.Equal([.. kinds, EndOfInput], Lex(text).Select(t => t.Kind));

    [Fact]
    public void EveryReservedWordIsAKeywordInAnyCase()
    {
        string[] reserved =
        [
            "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END",
            "IS", "IN", "BETWEEN", "LIKE", "ILIKE", "CAST", "AS", "OVER", "PARTITION", "BY", "ORDER", "ASC", "DESC", "NULLS",
            "FIRST", "LAST", "ROWS", "RANGE", "UNBOUNDED", "PRECEDING", "FOLLOWING", "CURRENT", "ROW", "DISTINCT", "FILTER",
            "IGNORE", "RESPECT", "INTERVAL",
        ];
        Assert.Equal(reserved.Order(StringComparer.Ordinal), ExpressionFacts.ReservedWords);
        foreach (var word in reserved)
        {
            foreach (var spelling in new[] { word, word.ToLowerInvariant(), char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant() })
            {
                var token = Lex(spelling)[0];
                Assert.True(token.IsKeyword, spelling);
                Assert.Equal(word, ExpressionFacts.KeywordText(token.Kind));
                Assert.Equal(spelling, token.Text);
            }
        }
    }

    [Theory]
    [InlineData("first_value")]
    [InlineData("order_id")]
    [InlineData("day")]
    [InlineData("month")]
    [InlineData("_rows")]
    [InlineData("created_at2")]
    public void WordsContainingKeywordsAreIdentifiers(string text)
    {
        var token = Lex(text)[0];
        Assert.Equal(Identifier, token.Kind);
        Assert.Equal(text, token.Value);
    }

    [Fact]
    public void CommentsAreSkipped()
    {
        var tokens = Lex("a -- one\n/* two\n */ b /**/ c --");
        Assert.Equal(["a", "b", "c", ""], tokens.Select(t => t.Text));
    }

    [Fact]
    public void EndOfInputSitsRightAfterTheLastToken()
    {
        var tokens = Lex("a + b   -- trailing\n\n");
        Assert.Equal(new TextSpan(5, 0), tokens[^1].ValueSpan);
        Assert.Equal(new TextSpan(0, 0), Lex("   ")[^1].ValueSpan);
    }

    [Fact]
    public void ReferenceTokenCarriesItsParts()
    {
        var token = Lex("${ view . field }")[0];
        Assert.Equal(Reference, token.Kind);
        var parts = Assert.IsType<System.Collections.Immutable.ImmutableArray<ReferencePart>>(token.Value);
        Assert.Equal(["view", "field"], parts.Select(p => p.Name));
        Assert.Equal(new TextSpan(3, 4), parts[0].Location.Span);
        Assert.Equal(new TextSpan(10, 5), parts[1].Location.Span);
    }

    [Fact]
    public void BadTokensCarryTheirDiagnosticAndTheLexerGoesOn()
    {
        var tokens = Lex("a # 'b");
        Assert.Equal([Identifier, Bad, Bad, EndOfInput], tokens.Select(t => t.Kind));
        Assert.Equal("SMG1101", tokens[1].Error!.Id);
        Assert.Equal("SMG1102", tokens[2].Error!.Id);
        Assert.Equal(new TextSpan(4, 1), tokens[2].Error!.Location!.Value.Span);
    }

    [Fact]
    public void QuotedIdentifierValueIsUnescaped()
    {
        var token = Lex("\"a \"\"b\"\"\"")[0];
        Assert.Equal(QuotedIdentifier, token.Kind);
        Assert.Equal("a \"b\"", token.Value);
    }

    [Theory]
    [InlineData("order", false)]
    [InlineData("amount", true)]
    [InlineData("Weird Col", false)]
    [InlineData("1x", false)]
    [InlineData("", false)]
    public void PlainIdentifiers(string name, bool plain) => Assert.Equal(plain, ExpressionFacts.IsPlainIdentifier(name));
}
