using System.Globalization;

namespace StripeModelGen.Compiler.Diagnostics;

/// <summary>
/// A kind of diagnostic: a stable id (<c>SMG####</c>), its severity and a message template
/// whose holes (<c>{0}</c>, <c>{1}</c>...) are filled with invariant formatting.
/// </summary>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    public string Format(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
}
