using System.Collections.Concurrent;
using System.Collections.Immutable;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Emit;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// The shipped model (<c>models/stripe</c>) compiled for PostgreSQL over each of its sources, once per
/// test run. Artifacts a source lacks the tables of are not compiled for it (warning SMG3005).
/// </summary>
internal static class ShippedModel
{
    public const string Dialect = "postgres";

    public const string Sigma = "sigma";

    /// <summary>The sources other than sigma, whose results must equal sigma's.</summary>
    public static readonly string[] OtherSources = ["segment", "fivetran"];

    private static readonly ConcurrentDictionary<string, (CompiledProject Project, ImmutableArray<Diagnostic> Diagnostics)> Cache = new(StringComparer.Ordinal);

    public static string Directory => RepositoryRoot.Combine("models", "stripe");

    private static (CompiledProject Project, ImmutableArray<Diagnostic> Diagnostics) Compiled(string source) => Cache.GetOrAdd(source, name =>
    {
        var loaded = Compilation.LoadDirectory(Directory, new CompilationOptions(Source: name));
        if (loaded.Model is null)
            throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        var compiled = Compilation.Compile(loaded.Model, Dialect);
        var project = compiled.Project ?? throw new InvalidOperationException(string.Join("\n", compiled.Diagnostics));
        return (project, loaded.Diagnostics.AddRange(compiled.Diagnostics));
    });

    public static CompiledProject Project(string source = Sigma) => Compiled(source).Project;

    /// <summary>Every diagnostic of loading and compiling the model for <paramref name="source"/>.</summary>
    public static ImmutableArray<Diagnostic> Diagnostics(string source) => Compiled(source).Diagnostics;

    public static CompiledArtifact Artifact(string path, string source = Sigma) =>
        Find(path, source) ?? throw new InvalidOperationException($"The shipped model has no artifact `{path}` for source {source}.");

    public static CompiledArtifact? Find(string path, string source = Sigma) => Project(source).Artifacts.SingleOrDefault(a => a.Path == path);

    /// <summary>The dashboard tiles and saved queries this folder checks: all of them except the MRR dashboard's, which have their own oracle (Mrr/).</summary>
    public static IEnumerable<CompiledArtifact> TilesAndQueries(string source = Sigma) =>
        Project(source).Artifacts.Where(a => a.Kind is "tile" or "query" && !a.Path.StartsWith("tiles/mrr/", StringComparison.Ordinal));
}
