using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Diagnostics;

/// <summary>The one order diagnostics are printed in: unlocated first, then by path, position and id.</summary>
public static class DiagnosticOrder
{
    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics
            .Select((diagnostic, index) => (diagnostic, index))
            .OrderBy(x => x.diagnostic.Location is null ? 0 : 1)
            .ThenBy(x => x.diagnostic.Location?.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(x => x.diagnostic.Location?.Span.Start ?? 0)
            .ThenBy(x => x.diagnostic.Id, StringComparer.Ordinal)
            .ThenBy(x => x.index)
            .Select(x => x.diagnostic)];
}
