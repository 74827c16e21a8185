using System.Globalization;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Diagnostics;

namespace StripeModelGen.Cli;

/// <summary>
/// The two streams of the CLI. Results go to <see cref="Out"/>; diagnostics, errors and hints go to
/// <see cref="Error"/>. Every line ends with <c>\n</c> whatever the OS, and every number is formatted
/// with the invariant culture, so output is byte-identical across machines.
/// </summary>
public sealed class ConsoleOutput(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public void WriteLine(string line) => Out.Write(line + "\n");

    public void WriteErrorLine(string line) => Error.Write(line + "\n");

    /// <summary>A usage problem, as <c>error: message</c> on stderr.</summary>
    public void WriteUsageError(string message) => WriteErrorLine("error: " + message);

    /// <summary>
    /// Writes diagnostics to stderr in <paramref name="format"/>. <paramref name="githubPathPrefix"/> is
    /// put before every path in the <c>github</c> format only: GitHub resolves annotation paths from the
    /// repository root, while people and tools read them relative to the project directory.
    /// </summary>
    public void WriteDiagnostics(IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, string githubPathPrefix) =>
        Error.Write(DiagnosticFormatter.Format(diagnostics, format, format == DiagnosticFormat.Github ? githubPathPrefix : string.Empty));

    /// <summary>The one-line summary on stdout: <c>0 errors, 2 warnings in 14 files</c>.</summary>
    public void WriteSummary(CompilationResult result) => WriteLine(Summary(result.ErrorCount, result.WarningCount, result.FileCount));

    public static string Summary(int errors, int warnings, int files) =>
        $"{Count(errors, "error")}, {Count(warnings, "warning")} in {Count(files, "file")}";

    /// <summary><c>1 file</c>, <c>0 files</c>, <c>14 files</c>.</summary>
    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
