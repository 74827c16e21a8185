using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Tests.Expressions;

/// <summary>Random token soups and mutations of valid expressions: the parser's invariants hold on any input.</summary>
public sealed class ExpressionParserFuzzTests
{
    private static readonly string[] Fragments =
    [
        "a", "b", "1", "2.5", ".5", "1e", "'s'", "'", "\"", "\"q\"", "${x}", "${TABLE}", "${v.f}", "${", "}", "${}", ".", "(", ")", ",",
        "+", "-", "*", "/", "%", "||", "=", "<>", "!=", "<", ">=", "::", "#", ";", "--", "/*", "*/", "\n", " ",
        "AND", "OR", "NOT", "IS", "NULL", "TRUE", "IN", "BETWEEN", "LIKE", "ILIKE", "CASE", "WHEN", "THEN", "ELSE", "END",
        "CAST", "AS", "INT", "DECIMAL(1,2)", "SUM", "COUNT(*)", "f(", "OVER", "PARTITION", "BY", "ORDER", "DESC", "NULLS", "FIRST", "LAST",
        "ROWS", "RANGE", "UNBOUNDED", "PRECEDING", "FOLLOWING", "CURRENT", "ROW", "FILTER", "WHERE", "IGNORE", "RESPECT", "DISTINCT", "SELECT",
    ];

    private static readonly string[] ValidSamples =
    [
        "CASE WHEN ${charges.status} IN ('paid', 'succeeded') AND NOT ${refunded} THEN ${TABLE}.amount / 100.0 ELSE 0 END",
        "LAST_VALUE(x IGNORE NULLS) OVER (PARTITION BY a ORDER BY b DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING)",
        "COALESCE(SUM(DISTINCT x) FILTER (WHERE y IS NOT NULL), 0) || 'x' -- note",
        "CAST(x AS numeric(10, 0)) NOT BETWEEN -1 AND +1 OR \"Name\" NOT LIKE '%''%'",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomTokenSoups(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            var count = random.Next(0, 14);
            var text = string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, count).Select(_ => Fragments[random.Next(Fragments.Length)]));
            CheckInvariants(text);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedValidExpressions(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "()'\",.${}+-*/=<>|:#; \naZ0";
        foreach (var sample in ValidSamples)
        {
            CheckInvariants(sample);
            for (var i = 0; i < 100; i++)
            {
                var position = random.Next(sample.Length);
                var mutated = random.Next(3) switch
                {
                    0 => sample.Remove(position, 1),
                    1 => sample.Insert(position, alphabet[random.Next(alphabet.Length)].ToString()),
                    _ => sample[..position],
                };
                CheckInvariants(mutated);
            }
        }
    }

    private static void CheckInvariants(string text)
    {
        var bag = new DiagnosticBag();
        var tree = ExpressionParser.Parse(text, bag);
        Assert.True(bag.Count <= 1, $"More than one diagnostic for `{text}`:\n{ExpressionAssert.Describe(text, bag)}");
        var hasError = tree.DescendantsAndSelf().Any(node => node is ErrorExpression);
        Assert.True(hasError == (bag.Count == 1), $"Error node {(hasError ? "without" : "missing for")} a diagnostic in `{text}`:\n{ExpressionAssert.Describe(text, bag)}");
        foreach (var node in tree.DescendantsAndSelf())
        {
            Assert.InRange(node.Location.Span.Start, 0, text.Length);
            Assert.InRange(node.Location.Span.End, node.Location.Span.Start, text.Length);
        }
        if (bag.Count == 1)
        {
            var span = bag.ToImmutableSorted()[0].Location!.Value.Span;
            Assert.InRange(span.End, span.Start, text.Length);
            return;
        }
        var printed = ExpressionPrinter.Print(tree);
        var reparsed = ExpressionParser.Parse(printed, bag);
        Assert.True(bag.Count == 0, $"`{printed}` (printed from `{text}`) does not parse:\n{ExpressionAssert.Describe(printed, bag)}");
        Assert.Equal(printed, ExpressionPrinter.Print(reparsed));
    }
}
