using System.Collections.Immutable;
using System.Text;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Project;

/// <summary>
/// Finds and reads the model files of a project directory: <c>project.yml</c> and every <c>*.yml</c> /
/// <c>*.yaml</c> below it, in ordinal path order. Guards: files must be UTF-8 and at most
/// <see cref="MaxFileBytes"/>; symbolic links must resolve inside the project; hidden directories are skipped.
/// </summary>
public static class ProjectDirectory
{
    public const int MaxFileBytes = 4 * 1024 * 1024;
    public const int MaxFiles = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The readable files, project file first; problems with individual files become diagnostics.</summary>
    public static ImmutableArray<SourceText> Read(string projectDirectory, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(projectDirectory);
        if (!Directory.Exists(root))
        {
            diagnostics.Report(DiagnosticCatalog.ProjectDirectoryMissing, null, projectDirectory);
            return [];
        }
        var realRoot = ResolveReal(root);
        var paths = new List<string>();
        var links = new List<(string Relative, string Target)>();
        Walk(root, realRoot, root, paths, links, diagnostics);
        AddLinkedFiles(realRoot, paths, links);
        if (paths.Count > MaxFiles)
        {
            diagnostics.Report(DiagnosticCatalog.TooManyFiles, null, MaxFiles);
            return [];
        }
        if (!paths.Contains(ModelFileNames.ProjectFile, StringComparer.Ordinal))
            diagnostics.Report(DiagnosticCatalog.ProjectNotFound, null, projectDirectory);

        var files = ImmutableArray.CreateBuilder<SourceText>();
        foreach (var relative in paths.OrderBy(p => p == ModelFileNames.ProjectFile ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal))
        {
            if (ReadFile(Path.Combine(root, relative), relative, diagnostics) is { } text)
                files.Add(text);
        }
        return files.ToImmutable();
    }

    /// <summary>Decodes one file; null after a diagnostic when it is too large, unreadable or not UTF-8.</summary>
    public static SourceText? Decode(string relativePath, byte[] bytes, DiagnosticBag diagnostics)
    {
        if (bytes.Length > MaxFileBytes)
        {
            diagnostics.Report(DiagnosticCatalog.FileTooLarge, new SourceText(relativePath, string.Empty).GetLocation(default), bytes.LongLength, MaxFileBytes);
            return null;
        }
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            // Empty files are warned about by the model file reader, so in-memory loads get the same warning.
            return new SourceText(relativePath, StrictUtf8.GetString(bytes, start, bytes.Length - start));
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            var prefix = Encoding.UTF8.GetString(bytes, start, Math.Max(0, offset - start));
            var lenient = new SourceText(relativePath, prefix + "\n");
            var badByte = e.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : bytes[Math.Min(offset, bytes.Length - 1)];
            diagnostics.Report(DiagnosticCatalog.FileNotUtf8, lenient.GetLocation(new TextSpan(prefix.Length, 1)), badByte, offset);
            return null;
        }
    }

    private static SourceText? ReadFile(string fullPath, string relativePath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > MaxFileBytes)
            {
                diagnostics.Report(DiagnosticCatalog.FileTooLarge, new SourceText(relativePath, string.Empty).GetLocation(default), length, MaxFileBytes);
                return null;
            }
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCatalog.FileUnreadable, null, relativePath, e.Message);
            return null;
        }
        return Decode(relativePath, bytes, diagnostics);
    }

    /// <summary>
    /// A link to a file inside the project is read under the link's name only when its target is not read
    /// anyway: two names for one file would declare everything in it twice. A linked <c>project.yml</c>
    /// stays the project file, and its target is not read again as a model file.
    /// </summary>
    private static void AddLinkedFiles(string realRoot, List<string> paths, List<(string Relative, string Target)> links)
    {
        var realPaths = paths.ToDictionary(p => Path.Combine(realRoot, p.Replace('/', Path.DirectorySeparatorChar)), p => p, StringComparer.Ordinal);
        foreach (var (relative, target) in links)
        {
            if (!realPaths.TryGetValue(target, out var targetRelative))
            {
                paths.Add(relative);
                realPaths[target] = relative;
            }
            else if (relative == ModelFileNames.ProjectFile)
            {
                paths.Remove(targetRelative);
                paths.Add(relative);
            }
        }
    }

    private static void Walk(string root, string realRoot, string directory, List<string> paths, List<(string Relative, string Target)> links, DiagnosticBag diagnostics)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCatalog.FileUnreadable, null, Relative(root, directory), e.Message);
            return;
        }
        foreach (var entry in entries)
        {
            if (paths.Count + links.Count > MaxFiles)
                return;
            var name = Path.GetFileName(entry);
            var isDirectory = Directory.Exists(entry);
            if (name.StartsWith('.') || (!isDirectory && !ModelFileNames.IsModelFile(name)))
                continue;
            var relative = Relative(root, entry);
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null)
            {
                var target = ResolveReal(entry);
                if (!IsInside(realRoot, target))
                {
                    diagnostics.Report(DiagnosticCatalog.FileOutsideProject, null, relative, target);
                    continue;
                }
                if (isDirectory)
                    continue; // a link to a directory inside the project: its files are read where they live
                links.Add((relative, target));
                continue;
            }
            if (isDirectory)
                Walk(root, realRoot, entry, paths, links, diagnostics);
            else
                paths.Add(relative);
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool IsInside(string root, string path) =>
        path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it resolved.</summary>
    private static string ResolveReal(string path)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        var resolvedParent = parent is null ? null : ResolveReal(parent);
        var current = resolvedParent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        for (var hops = 0; hops < 40; hops++)
        {
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not { } target)
                return current;
            current = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current) ?? "/", target));
            if (Path.GetDirectoryName(current) is { } dir)
                current = Path.Combine(ResolveReal(dir), Path.GetFileName(current));
        }
        return current;
    }
}
