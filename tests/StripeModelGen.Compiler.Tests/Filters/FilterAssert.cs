using System.Text;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Tests.Testing;

namespace StripeModelGen.Compiler.Tests.Filters;

internal static class FilterAssert
{
    public static readonly SqlColumn Value = new(null, "v");

    public static readonly SqlColumn Today = new(null, "today");

    public static FilterExpression ParseClean(string text, FilterKind kind)
    {
        var bag = new DiagnosticBag();
        var filter = FilterExpressionParser.Parse(text, kind, bag);
        if (bag.Count > 0)
            Assert.Fail($"Expected no diagnostics for {kind} filter `{text}`, got:\n{Describe(text, bag)}");
        Assert.IsNotType<ErrorFilter>(filter);
        return filter;
    }

    public static void Prints(string text, FilterKind kind, string expected) =>
        Assert.Equal(expected, FilterPrinter.Print(ParseClean(text, kind)));

    public static string Lower(string text, FilterKind kind, DayOfWeek weekStart = DayOfWeek.Monday, bool caseInsensitive = false) =>
        SqlTestPrinter.Print(FilterLowerer.Lower(ParseClean(text, kind), Value, new FilterLoweringContext(Today, weekStart), caseInsensitive));

    /// <summary>Parses marked text and asserts exactly one diagnostic, with this id, on the marked span.</summary>
    public static Diagnostic SingleDiagnostic(string marked, FilterKind kind, string id)
    {
        var (text, span) = MarkedText.Parse(marked);
        var bag = new DiagnosticBag();
        var filter = FilterExpressionParser.Parse(text, kind, bag);
        var diagnostics = bag.ToImmutableSorted();
        if (diagnostics.Length != 1 || diagnostics[0].Id != id || diagnostics[0].Location?.Span != span)
            Assert.Fail($"Expected one {id} at {span} in {kind} filter `{marked}`, got:\n{Describe(text, bag)}");
        Assert.Same(ErrorFilter.Instance, filter);
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
            builder.Append("  ").Append(diagnostic.Id).Append(" \"").Append(marked).Append("\": ").AppendLine(diagnostic.FullMessage);
        }
        return builder.ToString();
    }
}
