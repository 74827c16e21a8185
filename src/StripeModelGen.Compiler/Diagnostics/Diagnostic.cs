using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Diagnostics;

/// <summary>
/// One finding: what (descriptor and message), where (a location, absent only for project-wide
/// problems such as a missing project directory) and, when one exists, a suggestion of what was meant.
/// </summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, TextLocation? Location, string Message, string? Suggestion = null)
{
    public string Id => Descriptor.Id;

    public DiagnosticSeverity Severity => Descriptor.Severity;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The message followed by the suggestion, as the text formats print it.</summary>
    public string FullMessage => Suggestion is null ? Message : $"{Message}; did you mean `{Suggestion}`?";

    public override string ToString() =>
        Location is { } location
            ? $"{location}: {Severity.ToString().ToLowerInvariant()} {Id}: {FullMessage}"
            : $"{Severity.ToString().ToLowerInvariant()} {Id}: {FullMessage}";
}
