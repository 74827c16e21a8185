using System.Globalization;
using System.Text;
using StripeModelGen.Compiler.Emit;

namespace StripeModelGen.Compiler.Tests.Emit;

/// <summary>
/// <see cref="OutputDirectory"/>: a tree written as a whole (staged beside the target, then swapped in
/// with two renames), recovery from a run killed between the renames, and the stale-file check.
/// </summary>
public sealed class OutputDirectoryTests : IDisposable
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["manifest.json"] = "{}\n",
        ["views/a.sql"] = "SELECT 'ä';\n",
        ["tiles/dash/t.sql"] = "SELECT 2;\n",
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "smg-emit-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    public OutputDirectoryTests() => Directory.CreateDirectory(_root);

    private string Target => Path.Combine(_root, "out");

    private string Previous => Target + ".previous";

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static SortedDictionary<string, string> Read(string directory)
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            tree.Add(Path.GetRelativePath(directory, file).Replace('\\', '/'), File.ReadAllText(file));
        return tree;
    }

    private string[] Siblings() => [.. Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void Write_creates_the_tree_with_utf8_files_without_a_byte_order_mark()
    {
        OutputDirectory.Write(Target, Files);

        Assert.Equal(Files.OrderBy(f => f.Key, StringComparer.Ordinal), Read(Target));
        Assert.Equal(Encoding.UTF8.GetBytes("SELECT 'ä';\n"), File.ReadAllBytes(Path.Combine(Target, "views", "a.sql")));
        Assert.Equal(["out"], Siblings());
    }

    [Fact]
    public void Write_replaces_the_whole_directory()
    {
        Directory.CreateDirectory(Path.Combine(Target, "old"));
        File.WriteAllText(Path.Combine(Target, "old", "gone.sql"), "x");
        File.WriteAllText(Path.Combine(Target, "views.sql"), "x");

        OutputDirectory.Write(Target, Files);

        Assert.Equal(Files.Keys.Order(StringComparer.Ordinal), Read(Target).Keys);
        Assert.False(Directory.Exists(Path.Combine(Target, "old")));
        Assert.Equal(["out"], Siblings());
    }

    [Fact]
    public void A_previous_tree_without_the_target_is_put_back_before_the_write()
    {
        // Killed after moving the old tree aside, before moving the new one in.
        Directory.CreateDirectory(Previous);
        File.WriteAllText(Path.Combine(Previous, "manifest.json"), "old\n");
        // This write fails after recovery: its staging directory cannot be created.
        File.WriteAllText($"{Target}.staging-{Environment.ProcessId}", "blocker");

        Assert.ThrowsAny<IOException>(() => OutputDirectory.Write(Target, Files));

        Assert.False(Directory.Exists(Previous));
        Assert.Equal("old\n", File.ReadAllText(Path.Combine(Target, "manifest.json")));
    }

    [Fact]
    public void A_previous_tree_without_the_target_is_replaced_by_a_successful_write()
    {
        Directory.CreateDirectory(Previous);
        File.WriteAllText(Path.Combine(Previous, "stale.sql"), "old\n");

        OutputDirectory.Write(Target, Files);

        Assert.Equal(Files.Keys.Order(StringComparer.Ordinal), Read(Target).Keys);
        Assert.Equal(["out"], Siblings());
    }

    [Fact]
    public void A_previous_tree_beside_the_target_is_discarded()
    {
        // Killed after moving the new tree in, before deleting the old one.
        OutputDirectory.Write(Target, Files);
        Directory.CreateDirectory(Previous);
        File.WriteAllText(Path.Combine(Previous, "stale.sql"), "old\n");

        OutputDirectory.Write(Target, Files);

        Assert.Equal(Files.OrderBy(f => f.Key, StringComparer.Ordinal), Read(Target));
        Assert.Equal(["out"], Siblings());
    }

    [Fact]
    public void A_leftover_staging_directory_of_the_same_process_is_cleared()
    {
        var staging = $"{Target}.staging-{Environment.ProcessId}";
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "half-written.sql"), "SELE");

        OutputDirectory.Write(Target, Files);

        Assert.Equal(Files.Keys.Order(StringComparer.Ordinal), Read(Target).Keys);
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void A_failed_write_leaves_the_existing_tree_as_it_was()
    {
        OutputDirectory.Write(Target, Files);
        File.WriteAllText($"{Target}.staging-{Environment.ProcessId}", "blocker");
        var changed = new Dictionary<string, string>(StringComparer.Ordinal) { ["manifest.json"] = "{ \"new\": true }\n" };

        Assert.ThrowsAny<IOException>(() => OutputDirectory.Write(Target, changed));

        Assert.Equal(Files.OrderBy(f => f.Key, StringComparer.Ordinal), Read(Target));
        Assert.False(Directory.Exists(Previous));
    }

    [Fact]
    public void Stale_is_empty_for_an_up_to_date_tree()
    {
        OutputDirectory.Write(Target, Files);

        Assert.Empty(OutputDirectory.Stale(Target, Files));
    }

    [Fact]
    public void Stale_lists_changed_missing_and_extra_files_in_ordinal_order()
    {
        OutputDirectory.Write(Target, Files);
        File.WriteAllText(Path.Combine(Target, "views", "a.sql"), "SELECT 'a';\n");
        File.Delete(Path.Combine(Target, "tiles", "dash", "t.sql"));
        File.WriteAllText(Path.Combine(Target, "Z.sql"), "extra");
        Directory.CreateDirectory(Path.Combine(Target, "deep", "er"));
        File.WriteAllText(Path.Combine(Target, "deep", "er", "x.txt"), "extra");

        var stale = OutputDirectory.Stale(Target, Files);

        Assert.Equal(["Z.sql", "deep/er/x.txt", "tiles/dash/t.sql", "views/a.sql"], stale);
    }

    [Fact]
    public void Stale_sees_a_difference_in_line_endings()
    {
        OutputDirectory.Write(Target, Files);
        File.WriteAllText(Path.Combine(Target, "manifest.json"), "{}\r\n");

        Assert.Equal(["manifest.json"], OutputDirectory.Stale(Target, Files));
    }

    [Fact]
    public void Stale_of_a_missing_directory_is_every_file_and_creates_nothing()
    {
        var stale = OutputDirectory.Stale(Target, Files);

        Assert.Equal(["manifest.json", "tiles/dash/t.sql", "views/a.sql"], stale);
        Assert.Empty(Siblings());
    }
}
