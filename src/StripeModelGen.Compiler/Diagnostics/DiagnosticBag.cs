using System.Collections.Immutable;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Diagnostics;

/// <summary>Collects the diagnostics of one stage. Not thread-safe: one bag per worker.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _diagnostics = [];

    public int Count => _diagnostics.Count;

    public bool HasErrors => _diagnostics.Exists(d => d.IsError);

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);

    public Diagnostic Report(DiagnosticDescriptor descriptor, TextLocation? location, params object?[] args)
    {
        var diagnostic = new Diagnostic(descriptor, location, descriptor.Format(args));
        _diagnostics.Add(diagnostic);
        return diagnostic;
    }

    /// <summary>Reports with a "did you mean" taken from <paramref name="candidates"/> when one is close enough.</summary>
    public Diagnostic ReportWithSuggestion(DiagnosticDescriptor descriptor, TextLocation? location, string actual, IEnumerable<string> candidates, params object?[] args)
    {
        var diagnostic = new Diagnostic(descriptor, location, descriptor.Format(args), NameSuggester.Suggest(actual, candidates));
        _diagnostics.Add(diagnostic);
        return diagnostic;
    }

    /// <summary>The diagnostics in reporting order's stable sort by file, position and id.</summary>
    public ImmutableArray<Diagnostic> ToImmutableSorted() => DiagnosticOrder.Sort(_diagnostics);
}
