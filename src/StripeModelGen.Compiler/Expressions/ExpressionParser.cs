using System.Collections.Immutable;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>
/// Parses the portable SQL expression language (see README.md in this folder). Reports at most one
/// diagnostic per expression; when it does, the returned tree contains an <see cref="ErrorExpression"/>.
/// </summary>
public static class ExpressionParser
{
    /// <summary>Deepest nesting of parentheses, calls, CASE/CAST and unary operators.</summary>
    public const int MaxDepth = 256;

    /// <summary>Greatest height of a returned tree; only long operator chains can reach it.</summary>
    public const int MaxHeight = 1024;

    /// <summary>The source path of expressions parsed from plain text.</summary>
    public const string TextPath = "expr";

    public static ExpressionSyntax Parse(YamlScalarSyntax scalar, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return new RecursiveDescentParser(scalar, ExpressionLexer.Lex(scalar), diagnostics).ParseRoot();
    }

    /// <summary>Parses <paramref name="text"/> as if it were a plain scalar filling a file named <see cref="TextPath"/>.</summary>
    public static ExpressionSyntax Parse(string text, DiagnosticBag diagnostics) => Parse(CreateScalar(text), diagnostics);

    /// <summary>A plain scalar whose value is the whole of a source text, so value offsets are file offsets.</summary>
    public static YamlScalarSyntax CreateScalar(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = new SourceText(TextPath, text);
        var offsets = ImmutableArray.CreateRange(Enumerable.Range(0, text.Length));
        return new YamlScalarSyntax(source, new TextSpan(0, text.Length), text, YamlScalarStyle.Plain, offsets);
    }
}
