using System.Collections.Concurrent;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Emit;

namespace StripeModelGen.Integration.Tests.Compiled;

/// <summary>The models whose compiled SQL runs against the sample data: the shipped model and the planner's test models.</summary>
internal static class CompiledModels
{
    public const string Dialect = "postgres";

    public static readonly string[] Names = ["stripe", "planner", "planner_berlin"];

    private static readonly ConcurrentDictionary<string, CompiledProject> Cache = new(StringComparer.Ordinal);

    public static string Directory(string model) => model == "stripe"
        ? RepositoryRoot.Combine("models", "stripe")
        : RepositoryRoot.Combine("tests", "StripeModelGen.Snapshots.Tests", "Models", model);

    public static CompiledProject Get(string model) => Cache.GetOrAdd(model, name =>
    {
        var loaded = Compilation.LoadDirectory(Directory(name));
        if (loaded.Model is null)
            throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        var compiled = Compilation.Compile(loaded.Model, Dialect);
        return compiled.Project ?? throw new InvalidOperationException(string.Join("\n", compiled.Diagnostics));
    });

    public static CompiledArtifact Artifact(string model, string path) => Get(model).Artifacts.Single(a => a.Path == path);
}
