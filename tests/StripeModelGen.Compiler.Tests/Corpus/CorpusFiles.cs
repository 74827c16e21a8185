using StripeModelGen.Compiler.Tests.Testing;

namespace StripeModelGen.Compiler.Tests.Corpus;

/// <summary>
/// Finds the corpus in the source tree (<see cref="RepositoryRoot"/>), so a new or edited case runs
/// without a rebuild and nothing has to be copied to the output directory.
/// </summary>
public static class CorpusFiles
{
    public static string CasesDirectory => RepositoryRoot.Combine("tests", "StripeModelGen.Compiler.Tests", "Corpus", "cases");

    /// <summary>Case names: paths under <c>cases/</c> without the <c>.case</c> extension, '/'-separated, in ordinal order.</summary>
    public static IReadOnlyList<string> CaseNames()
    {
        if (!Directory.Exists(CasesDirectory))
            return [];
        return [.. Directory.EnumerateFiles(CasesDirectory, "*.case", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CasesDirectory, f).Replace('\\', '/')[..^".case".Length])
            .Order(StringComparer.Ordinal)];
    }

    public static string PathOf(string name) => Path.Combine(CasesDirectory, name + ".case");
}
