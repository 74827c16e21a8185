using System.Text;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Tests.Expressions;

public sealed class ExpressionDepthTests
{
    private const int Max = ExpressionParser.MaxDepth;

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    [Fact]
    public void TenThousandParenthesesReportOnceAtTheFirstTooDeep()
    {
        const int n = 10_000;
        var marked = Repeat("(", Max) + "[|(|]" + Repeat("(", n - Max - 1) + "x" + Repeat(")", n);
        var diagnostic = ExpressionAssert.SingleDiagnostic(marked, "SMG1107");
        Assert.Equal($"Expression nesting deeper than {Max} levels", diagnostic.Message);
    }

    [Fact]
    public void TenThousandUnaryMinusSignsReportOnce()
    {
        const int n = 10_000;
        var marked = Repeat("- ", Max) + "[|-|] " + Repeat("- ", n - Max - 1) + "x";
        ExpressionAssert.SingleDiagnostic(marked, "SMG1107");
    }

    [Fact]
    public void TenThousandNotsReportOnce()
    {
        var marked = Repeat("NOT ", Max) + "[|NOT|] " + Repeat("NOT ", 10_000 - Max - 1) + "x";
        ExpressionAssert.SingleDiagnostic(marked, "SMG1107");
    }

    [Fact]
    public void TenThousandNestedCallsReportOnce()
    {
        const int n = 10_000;
        var marked = Repeat("f(", Max) + "f[|(|]" + Repeat("f(", n - Max - 1) + "x" + Repeat(")", n);
        ExpressionAssert.SingleDiagnostic(marked, "SMG1107");
    }

    [Fact]
    public void NestedCaseAndCastCountAsLevels()
    {
        var marked = Repeat("CASE WHEN CAST(", Max / 2) + "[|CASE|] WHEN a THEN 1 END" + Repeat(" AS INT) THEN 1 END", Max / 2);
        ExpressionAssert.SingleDiagnostic(marked, "SMG1107");
    }

    [Fact]
    public void ExactlyMaxDepthIsAccepted()
    {
        var parens = Repeat("(", Max) + "x" + Repeat(")", Max);
        Assert.Equal("x", ExpressionPrinter.Print(ExpressionAssert.ParseClean(parens)));
        var minus = ExpressionAssert.ParseClean(Repeat("- ", Max) + "x");
        Assert.Equal(Max + 1, minus.DescendantsAndSelf().Count());
    }

    [Fact]
    public void DeepTreesPrintAndWalkWithoutRecursion()
    {
        var chain = ExpressionAssert.ParseClean("x" + Repeat(" + 1", ExpressionParser.MaxHeight - 1));
        Assert.Equal(2 * ExpressionParser.MaxHeight - 1, chain.DescendantsAndSelf().Count());
        Assert.StartsWith(Repeat("(", ExpressionParser.MaxHeight - 1) + "x + 1) + 1)", ExpressionPrinter.Print(chain), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOperatorChainTallerThanMaxHeightIsReportedAtTheOperatorThatCrossesIt()
    {
        var marked = "x" + Repeat(" OR x", ExpressionParser.MaxHeight - 1) + " [|OR|] x" + Repeat(" OR x", 5_000);
        var diagnostic = ExpressionAssert.SingleDiagnostic(marked, "SMG1112");
        Assert.Equal($"Expression chains operators more than {ExpressionParser.MaxHeight} levels deep; split it into several fields", diagnostic.Message);
    }

    [Fact]
    public void HeightCountsNestingInsideChains()
    {
        var inner = "(x" + Repeat(" + x", 600) + ")";
        var marked = inner + Repeat(" * x", 422) + " [|*|] x";
        ExpressionAssert.SingleDiagnostic(marked, "SMG1112");
    }

    [Fact]
    public void ALongFlatListIsNotDeep()
    {
        var list = "x IN (" + string.Join(", ", Enumerable.Range(0, 5_000)) + ")";
        var tree = Assert.IsType<InExpression>(ExpressionAssert.ParseClean(list));
        Assert.Equal(5_000, tree.Values.Length);
    }

    [Fact]
    public void ParsingDeepInputOnASmallStackDoesNotOverflow()
    {
        ExpressionSyntax? tree = null;
        var bag = new DiagnosticBag();
        var thread = new Thread(() => tree = ExpressionParser.Parse(Repeat("(", 10_000) + "x" + Repeat(")", 10_000), bag), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(tree);
        Assert.Equal("SMG1107", Assert.Single(bag.ToImmutableSorted()).Id);
    }
}
