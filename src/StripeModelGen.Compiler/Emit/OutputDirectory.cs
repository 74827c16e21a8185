using System.Collections.Immutable;
using System.Text;

namespace StripeModelGen.Compiler.Emit;

/// <summary>
/// Writes a set of files as one directory, atomically as far as the file system allows: the new tree is
/// written beside the target, then swapped in with two renames; a run killed between them leaves the
/// previous tree in <c>DIR.previous</c>, which the next run puts back before doing anything else.
/// </summary>
public static class OutputDirectory
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Why <paramref name="directory"/> must not be replaced (it holds something else), or null when it may:
    /// a non-empty directory is an earlier output only when it holds <paramref name="marker"/> (default: the manifest).
    /// </summary>
    public static string? RefusalReason(string directory, string projectDirectory, string marker = Manifest.FileName)
    {
        var target = Normalize(directory);
        var project = Normalize(projectDirectory);
        if (project == target || project.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return "it holds the project itself";
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, marker)))
            return $"it is not empty and holds no {marker}, so it is not an earlier output";
        return null;
    }

    public static void Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        var target = Normalize(directory);
        var previous = target + ".previous";
        Recover(target);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        foreach (var leftover in Directory.EnumerateDirectories(parent, Path.GetFileName(target) + ".staging-*"))
            Directory.Delete(leftover, recursive: true);
        var staging = $"{target}.staging-{Environment.ProcessId}";
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var full = Path.Combine(staging, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text, Utf8);
            }
            if (Directory.Exists(target))
                Directory.Move(target, previous);
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
        if (Directory.Exists(previous))
            Directory.Delete(previous, recursive: true);
    }

    private static string Normalize(string directory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));

    /// <summary>The relative paths whose content differs from <paramref name="files"/>, plus files that should not be there.</summary>
    public static ImmutableArray<string> Stale(string directory, IReadOnlyDictionary<string, string> files)
    {
        var target = Normalize(directory);
        var stale = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(target, path);
            if (!File.Exists(full) || !File.ReadAllBytes(full).AsSpan().SequenceEqual(Utf8.GetBytes(text)))
                stale.Add(path);
        }
        if (Directory.Exists(target))
        {
            foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(target, file).Replace('\\', '/');
                if (!files.ContainsKey(relative))
                    stale.Add(relative);
            }
        }
        return [.. stale];
    }

    private static void Recover(string target)
    {
        var previous = target + ".previous";
        if (!Directory.Exists(previous))
            return;
        if (Directory.Exists(target))
            Directory.Delete(previous, recursive: true);
        else
            Directory.Move(previous, target);
    }
}
