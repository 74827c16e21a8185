using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Project;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Dialects;

/// <summary>
/// The dialects the compiler ships: every <c>dialects/*.yml</c> of the repository, embedded in this
/// assembly under the logical name <c>dialects/&lt;file&gt;</c>. <see cref="LoadDirectory"/> reads a folder
/// instead (tests read the source tree with it, so a new file is covered before it is embedded).
/// </summary>
public static class DialectCatalog
{
    /// <summary>The folder dialect files are reported under, and the prefix of their resource names.</summary>
    public const string Folder = "dialects/";

    private static readonly Lazy<ImmutableSortedDictionary<string, DialectSpec>> Shipped = new(LoadShipped);

    /// <summary>Every embedded dialect by name; problems in the files go to <paramref name="diagnostics"/>.</summary>
    public static ImmutableSortedDictionary<string, DialectSpec> Load(DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var assembly = typeof(DialectCatalog).Assembly;
        var sources = new List<SourceText>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(IsDialectFile).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (ProjectDirectory.Decode(resource, buffer.ToArray(), diagnostics) is { } source)
                sources.Add(source);
        }
        return Read(sources, diagnostics);
    }

    /// <summary>Every <c>*.yml</c> in <paramref name="directory"/> by dialect name, reported as <c>dialects/&lt;file&gt;</c>.</summary>
    public static ImmutableSortedDictionary<string, DialectSpec> LoadDirectory(string directory, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sources = new List<SourceText>();
        foreach (var file in Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var path = Folder + Path.GetFileName(file);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Report(DiagnosticCatalog.FileUnreadable, null, path, e.Message);
                continue;
            }
            if (ProjectDirectory.Decode(path, bytes, diagnostics) is { } source)
                sources.Add(source);
        }
        return Read(sources, diagnostics);
    }

    /// <summary>Reads one dialect file (its path must be <c>dialects/&lt;name&gt;.yml</c>); null after any error.</summary>
    public static DialectSpec? Read(SourceText source, DiagnosticBag diagnostics) => DialectFileReader.Read(source, diagnostics);

    /// <summary>The names of the shipped dialects.</summary>
    public static IEnumerable<string> Names => Shipped.Value.Keys;

    /// <summary>A shipped dialect by name (<c>postgres</c>).</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out DialectSpec? dialect) => Shipped.Value.TryGetValue(name, out dialect);

    /// <summary>A shipped dialect by name; throws when there is none (check names with <see cref="TryGet"/> first).</summary>
    public static DialectSpec Get(string name) =>
        TryGet(name, out var dialect) ? dialect : throw new KeyNotFoundException($"No dialect `{name}`; the dialects are: {string.Join(", ", Names)}");

    private static ImmutableSortedDictionary<string, DialectSpec> Read(IEnumerable<SourceText> sources, DiagnosticBag diagnostics)
    {
        var dialects = ImmutableSortedDictionary.CreateBuilder<string, DialectSpec>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (DialectFileReader.Read(source, diagnostics) is { } dialect)
                dialects[dialect.Name] = dialect;
        }
        return dialects.ToImmutable();
    }

    private static bool IsDialectFile(string resource) =>
        resource.StartsWith(Folder, StringComparison.Ordinal) && resource.EndsWith(".yml", StringComparison.Ordinal);

    /// <summary>The embedded dialects; a problem in one is a bug in the build (a test loads them all clean).</summary>
    private static ImmutableSortedDictionary<string, DialectSpec> LoadShipped()
    {
        var diagnostics = new DiagnosticBag();
        var dialects = Load(diagnostics);
        if (diagnostics.HasErrors)
        {
            var problems = string.Join(Environment.NewLine, diagnostics.ToImmutableSorted().Where(d => d.IsError).Select(d => DiagnosticFormatter.Text(d)));
            throw new InvalidOperationException($"A shipped dialect file is invalid:{Environment.NewLine}{problems}");
        }
        return dialects;
    }
}
