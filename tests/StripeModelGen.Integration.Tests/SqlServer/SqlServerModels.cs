using System.Collections.Concurrent;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Emit;
using StripeModelGen.Integration.Tests.Compiled;

namespace StripeModelGen.Integration.Tests.SqlServer;

/// <summary>The models of <see cref="CompiledModels"/>, compiled for SQL Server.</summary>
internal static class SqlServerModels
{
    public const string Dialect = "sqlserver";

    private static readonly ConcurrentDictionary<string, CompiledProject> Cache = new(StringComparer.Ordinal);

    public static IEnumerable<string> Names => CompiledModels.Names;

    public static CompiledProject Get(string model) => Cache.GetOrAdd(model, name =>
    {
        var loaded = Compilation.LoadDirectory(CompiledModels.Directory(name));
        if (loaded.Model is null)
            throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        var compiled = Compilation.Compile(loaded.Model, Dialect);
        return compiled.Project ?? throw new InvalidOperationException(string.Join("\n", compiled.Diagnostics));
    });

    public static CompiledArtifact Artifact(string model, string path) => Get(model).Artifacts.Single(a => a.Path == path);
}
