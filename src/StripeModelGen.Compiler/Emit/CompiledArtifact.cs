using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Emit;

/// <summary>An output column: its name in the SQL and its logical type (string, number, money, boolean, date, timestamp).</summary>
public sealed record ArtifactColumn(string Name, string Type);

/// <summary>
/// One emitted SQL file: its kind (<c>view</c>, <c>tile</c>, <c>query</c>, <c>mrr</c>), name, path relative to the
/// output directory, SQL text, plan (empty for views), output columns and the bind parameters it expects.
/// </summary>
public sealed record CompiledArtifact(
    string Kind,
    string Name,
    string Path,
    string Sql,
    string Plan,
    ImmutableArray<ArtifactColumn> Columns,
    ImmutableArray<string> Parameters);

/// <summary>Everything <c>compile</c> emits for one dialect and source.</summary>
public sealed record CompiledProject(string Dialect, string Source, ImmutableArray<CompiledArtifact> Artifacts)
{
    /// <summary>The instant compiled in as "now" (<c>--as-of</c>), or null when the SQL reads the database's clock.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The files to write, manifest included, by relative path.</summary>
    public ImmutableSortedDictionary<string, string> Files() =>
        Artifacts.ToImmutableSortedDictionary(a => a.Path, a => a.Sql, StringComparer.Ordinal)
            .Add(Manifest.FileName, Manifest.Write(this));
}
