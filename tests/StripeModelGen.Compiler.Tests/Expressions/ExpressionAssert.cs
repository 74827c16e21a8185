using System.Text;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Tests.Testing;

namespace StripeModelGen.Compiler.Tests.Expressions;

internal static class ExpressionAssert
{
    public static ExpressionSyntax ParseClean(string text)
    {
        var bag = new DiagnosticBag();
        var tree = ExpressionParser.Parse(text, bag);
        if (bag.Count > 0)
            Assert.Fail($"Expected no diagnostics for `{text}`, got:\n{Describe(text, bag)}");
        Assert.DoesNotContain(tree.DescendantsAndSelf(), node => node is ErrorExpression);
        return tree;
    }

    public static ExpressionSyntax ParseScalarClean(YamlScalarSyntax scalar, bool expectError = false)
    {
        var bag = new DiagnosticBag();
        var tree = ExpressionParser.Parse(scalar, bag);
        if (!expectError && bag.Count > 0)
            Assert.Fail($"Expected no diagnostics for `{scalar.Value}`, got:\n{Describe(scalar.Value, bag)}");
        return tree;
    }

    public static void Prints(string text, string expected)
    {
        var tree = ParseClean(text);
        Assert.Equal(expected, ExpressionPrinter.Print(tree));
    }

    /// <summary>Parses marked text and asserts exactly one diagnostic, with this id, on the marked span.</summary>
    public static Diagnostic SingleDiagnostic(string marked, string id)
    {
        var (text, span) = MarkedText.Parse(marked);
        var bag = new DiagnosticBag();
        var tree = ExpressionParser.Parse(text, bag);
        var diagnostics = bag.ToImmutableSorted();
        if (diagnostics.Length != 1 || diagnostics[0].Id != id || diagnostics[0].Location?.Span != span)
            Assert.Fail($"Expected one {id} at {span} in `{Shorten(marked)}`, got:\n{Describe(text, bag)}");
        Assert.Contains(tree.DescendantsAndSelf(), node => node is ErrorExpression);
        return diagnostics[0];
    }

    /// <summary>Each diagnostic with its span marked in the text, ready to paste into a test.</summary>
    public static string Describe(string text, DiagnosticBag bag)
    {
        if (bag.Count == 0)
            return "  (none)";
        var builder = new StringBuilder();
        foreach (var diagnostic in bag.ToImmutableSorted())
        {
            var marked = diagnostic.Location is { } location ? MarkedText.Mark(text, location.Span) : text;
            builder.Append("  ").Append(diagnostic.Id).Append(" \"").Append(Shorten(marked)).Append("\": ").AppendLine(diagnostic.FullMessage);
        }
        return builder.ToString();
    }

    /// <summary>Long inputs (depth tests) are cut to the neighbourhood of the marker.</summary>
    private static string Shorten(string text)
    {
        if (text.Length <= 200)
            return text;
        var marker = Math.Max(0, text.IndexOf(MarkedText.StartMarker, StringComparison.Ordinal));
        var start = Math.Max(0, marker - 60);
        return "..." + text.Substring(start, Math.Min(140, text.Length - start)) + "...";
    }
}
