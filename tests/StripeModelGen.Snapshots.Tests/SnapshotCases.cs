using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Emit;
using StripeModelGen.Testing;

namespace StripeModelGen.Snapshots.Tests;

/// <summary>
/// Every artifact of every snapshot model (the shipped Stripe model and the focused models under
/// <c>Models/</c>) in every dialect: <c>Snapshots/&lt;model&gt;/&lt;artifact path&gt;/plan.txt</c> and one
/// <c>&lt;dialect&gt;.sql</c> per dialect, side by side.
/// </summary>
public sealed class SnapshotCases
{
    public static readonly string[] Models = ["stripe", "planner", "planner_berlin"];

    private static readonly Dictionary<(string Model, string Dialect), CompiledProject> Compiled = [];

    public static string ProjectDirectory(string model) => model == "stripe"
        ? Path.Combine(RepositoryRoot.Path, "models", "stripe")
        : Path.Combine(RepositoryRoot.Path, "tests", "StripeModelGen.Snapshots.Tests", "Models", model);

    public static CompiledProject Compile(string model, string dialect)
    {
        lock (Compiled)
        {
            if (Compiled.TryGetValue((model, dialect), out var project))
                return project;
            var loaded = Compilation.LoadDirectory(ProjectDirectory(model));
            Assert.True(loaded.Model is not null, string.Join("\n", loaded.Diagnostics));
            var result = Compilation.Compile(loaded.Model!, dialect);
            Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
            Compiled[(model, dialect)] = result.Project!;
            return result.Project!;
        }
    }

    public static TheoryData<string, string> Artifacts()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in Models)
        {
            foreach (var artifact in Compile(model, Compilation.Dialects[0]).Artifacts)
                data.Add(model, artifact.Path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Artifacts))]
    public void Artifact(string model, string path)
    {
        var folder = $"{model}/{path[..^".sql".Length]}";
        var first = Compile(model, Compilation.Dialects[0]).Artifacts.Single(a => a.Path == path);
        if (first.Plan.Length > 0)
            Snapshot.Verify($"{folder}/plan.txt", $"# case: {folder}\n{first.Plan}");
        foreach (var dialect in Compilation.Dialects)
        {
            var artifact = Compile(model, dialect).Artifacts.Single(a => a.Path == path);
            Snapshot.Verify($"{folder}/{dialect}.sql", $"-- case: {folder} ({dialect})\n{artifact.Sql}");
        }
    }

    [Fact]
    public void No_snapshot_is_left_without_a_case()
    {
        var expected = Models.SelectMany(m => Compile(m, Compilation.Dialects[0]).Artifacts.Select(a => $"{m}/{a.Path[..^".sql".Length]}")).ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.Exists(Snapshot.Directory)
            ? Directory.EnumerateFiles(Snapshot.Directory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Snapshot.Directory, Path.GetDirectoryName(f)!).Replace('\\', '/'))
                .Where(folder => !expected.Contains(folder))
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        Assert.True(orphans.Count == 0, "Snapshot folders without a case (delete them): " + string.Join(", ", orphans));
    }
}
