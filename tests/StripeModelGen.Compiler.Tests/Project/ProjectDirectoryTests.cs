using System.Diagnostics;
using System.Text;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Project;

namespace StripeModelGen.Compiler.Tests.Project;

/// <summary>Reading a project directory: which files, in which order, and the file-level guards (SMG0001-SMG0007).</summary>
public sealed class ProjectDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "smg-project-" + Guid.NewGuid().ToString("N"));
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "smg-outside-" + Guid.NewGuid().ToString("N"));

    public ProjectDirectoryTests()
    {
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_outside);
    }

    public void Dispose()
    {
        foreach (var directory in new[] { _root, _outside })
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private string Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private (IReadOnlyList<string> Paths, IReadOnlyList<Diagnostic> Diagnostics) Read(string? directory = null)
    {
        var diagnostics = new DiagnosticBag();
        var files = ProjectDirectory.Read(directory ?? _root, diagnostics);
        return ([.. files.Select(f => f.Path)], diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void Project_file_first_then_model_files_in_ordinal_path_order()
    {
        Write("views/b.view.yml", "views: []\n");
        Write("views/a.view.yaml", "views: []\n");
        Write("Views2/c.yml", "views: []\n");
        Write("explores/x.explore.YML", "explores: []\n");
        Write("project.yml", "name: t\n");
        Write("a.yml", "views: []\n");

        var (paths, diagnostics) = Read();

        Assert.Empty(diagnostics);
        Assert.Equal(["project.yml", "Views2/c.yml", "a.yml", "explores/x.explore.YML", "views/a.view.yaml", "views/b.view.yml"], paths);
    }

    [Fact]
    public void Hidden_directories_hidden_files_and_other_extensions_are_skipped()
    {
        Write("project.yml", "name: t\n");
        Write(".git/config.yml", "x");
        Write(".github/workflows/ci.yml", "on: push\n");
        Write("views/.draft.view.yml", "x");
        Write("views/notes.md", "# notes");
        Write("views/charges.view.yml.bak", "x");
        Write("views/charges.json", "{}");
        Write("views/charges.view.yml", "views: []\n");

        var (paths, diagnostics) = Read();

        Assert.Empty(diagnostics);
        Assert.Equal(["project.yml", "views/charges.view.yml"], paths);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line_column_and_byte_offset()
    {
        Write("project.yml", "name: t\n");
        // "views:\n  - name: caf" then a Latin-1 é (0xE9), which is not UTF-8.
        var prefix = Encoding.UTF8.GetBytes("views:\n  - name: caf");
        WriteBytes("views/latin1.view.yml", [.. prefix, 0xE9, .. "\n"u8]);

        var (paths, diagnostics) = Read();

        Assert.Equal(["project.yml"], paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SMG0003", diagnostic.Id);
        var location = diagnostic.Location!.Value;
        Assert.Equal(("views/latin1.view.yml", 2, 14), (location.Path, location.Line, location.Column));
        Assert.Equal($"File is not valid UTF-8 (invalid byte 0xE9 at offset {prefix.Length}); save it as UTF-8", diagnostic.Message);
    }

    [Fact]
    public void Invalid_utf8_after_a_bom_and_multibyte_characters_counts_bytes_and_columns_correctly()
    {
        Write("project.yml", "name: t\n");
        // BOM, then "é: x\n😀: " (é is 2 bytes, the emoji 4), then a lone continuation byte.
        var valid = Encoding.UTF8.GetBytes("é: x\n😀: ");
        WriteBytes("a.yml", [0xEF, 0xBB, 0xBF, .. valid, 0x80]);

        var (_, diagnostics) = Read();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SMG0003", diagnostic.Id);
        Assert.Equal((2, 4), (diagnostic.Location!.Value.Line, diagnostic.Location!.Value.Column));
        Assert.Contains($"invalid byte 0x80 at offset {3 + valid.Length}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_bom_is_accepted_and_not_part_of_the_text()
    {
        WriteBytes("project.yml", [0xEF, 0xBB, 0xBF, .. "name: t\n"u8]);
        var diagnostics = new DiagnosticBag();

        var files = ProjectDirectory.Read(_root, diagnostics);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal("name: t\n", Assert.Single(files).Text);
    }

    [Fact]
    public void A_file_over_the_limit_is_reported_from_its_length_without_reading_it()
    {
        Write("project.yml", "name: t\n");
        var big = Path.Combine(_root, "views", "huge.view.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(big)!);
        using (var stream = File.Create(big))
            stream.SetLength(20L * 1024 * 1024); // a sparse 20 MB file: created instantly, and slow to read

        var stopwatch = Stopwatch.StartNew();
        var (paths, diagnostics) = Read();
        stopwatch.Stop();

        Assert.Equal(["project.yml"], paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SMG0004", diagnostic.Id);
        Assert.Equal("views/huge.view.yml", diagnostic.Location!.Value.Path);
        Assert.Equal("File is 20,971,520 bytes; model files are limited to 4,194,304 bytes", diagnostic.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Decode_applies_the_same_size_limit()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(ProjectDirectory.Decode("a.yml", new byte[ProjectDirectory.MaxFileBytes + 1], diagnostics));
        Assert.Equal("SMG0004", Assert.Single(diagnostics.ToImmutableSorted()).Id);
    }

    [Fact]
    public void An_empty_file_is_read_and_warned_about_once()
    {
        Write("project.yml", "name: t\n");
        Write("views/empty.view.yml", "  \n");

        var result = Compilation.LoadDirectory(_root);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SMG0006", "views/empty.view.yml"), (diagnostic.Id, diagnostic.Location!.Value.Path));
        Assert.Equal(2, result.FileCount);
    }

    [Fact]
    public void Missing_project_file_is_reported_and_model_files_are_still_read()
    {
        Write("views/a.view.yml", "views: []\n");

        var (paths, diagnostics) = Read();

        Assert.Equal(["views/a.view.yml"], paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SMG0001", diagnostic.Id);
        Assert.Null(diagnostic.Location);
    }

    [Fact]
    public void Missing_directory_is_reported()
    {
        var missing = Path.Combine(_root, "nope");

        var (paths, diagnostics) = Read(missing);

        Assert.Empty(paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SMG0007", diagnostic.Id);
        Assert.Equal($"Project directory `{missing}` does not exist", diagnostic.Message);
    }

    [Fact]
    public void A_symlinked_file_pointing_outside_the_project_is_reported_and_not_read()
    {
        if (OperatingSystem.IsWindows())
            return; // creating symbolic links needs a privilege on Windows
        Write("project.yml", "name: t\n");
        var secret = Path.Combine(_outside, "secret.yml");
        File.WriteAllText(secret, "views: []\n");
        File.CreateSymbolicLink(Path.Combine(_root, "leak.yml"), secret);

        var (paths, diagnostics) = Read();

        Assert.Equal(["project.yml"], paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SMG0005", diagnostic.Id);
        Assert.StartsWith("`leak.yml` resolves to `", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("outside the project directory", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlinked_directory_pointing_outside_the_project_is_reported_and_not_walked()
    {
        if (OperatingSystem.IsWindows())
            return;
        Write("project.yml", "name: t\n");
        Directory.CreateDirectory(Path.Combine(_outside, "views"));
        File.WriteAllText(Path.Combine(_outside, "views", "a.view.yml"), "views: []\n");
        Directory.CreateSymbolicLink(Path.Combine(_root, "shared"), Path.Combine(_outside, "views"));

        var (paths, diagnostics) = Read();

        Assert.Equal(["project.yml"], paths);
        Assert.Equal("SMG0005", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void A_relative_symlink_that_climbs_out_of_the_project_is_reported()
    {
        if (OperatingSystem.IsWindows())
            return;
        Write("project.yml", "name: t\n");
        File.WriteAllText(Path.Combine(_outside, "x.yml"), "views: []\n");
        Directory.CreateDirectory(Path.Combine(_root, "views"));
        File.CreateSymbolicLink(Path.Combine(_root, "views", "x.yml"), Path.Combine("..", "..", Path.GetFileName(_outside), "x.yml"));

        var (paths, diagnostics) = Read();

        Assert.Equal(["project.yml"], paths);
        Assert.Equal("SMG0005", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Symlinks_inside_the_project_are_fine_and_do_not_read_a_file_twice()
    {
        if (OperatingSystem.IsWindows())
            return;
        Write("project.yml", "name: t\n");
        Write("views/charges.view.yml", "views: []\n");
        Write("templates/base.tpl", "x");
        Write("templates/extra.yml.txt", "views: []\n");
        // A link to a model file that is read anyway, a link to a directory inside, and a link that gives a
        // non-model file inside the project a model file name.
        File.CreateSymbolicLink(Path.Combine(_root, "alias.yml"), Path.Combine(_root, "views", "charges.view.yml"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "more_views"), Path.Combine(_root, "views"));
        File.CreateSymbolicLink(Path.Combine(_root, "extra.yml"), Path.Combine("templates", "extra.yml.txt"));

        var (paths, diagnostics) = Read();

        Assert.Empty(diagnostics);
        Assert.Equal(["project.yml", "extra.yml", "views/charges.view.yml"], paths);
    }

    [Fact]
    public void A_project_directory_reached_through_a_symlink_is_read()
    {
        if (OperatingSystem.IsWindows())
            return;
        Write("project.yml", "name: t\n");
        Write("views/a.view.yml", "views: []\n");
        var link = Path.Combine(_outside, "project-link");
        Directory.CreateSymbolicLink(link, _root);

        var (paths, diagnostics) = Read(link);

        Assert.Empty(diagnostics);
        Assert.Equal(["project.yml", "views/a.view.yml"], paths);
    }

    [Fact]
    public void Files_are_read_in_the_same_order_on_every_run()
    {
        Write("project.yml", "name: t\n");
        foreach (var name in new[] { "b", "B", "a", "_", "z1", "z10", "z2", "é" })
            Write($"views/{name}.yml", "views: []\n");

        var first = Read().Paths;
        var second = Read().Paths;

        Assert.Equal(first, second);
        Assert.Equal(["project.yml", "views/B.yml", "views/_.yml", "views/a.yml", "views/b.yml", "views/z1.yml", "views/z10.yml", "views/z2.yml", "views/é.yml"], first);
    }
}
