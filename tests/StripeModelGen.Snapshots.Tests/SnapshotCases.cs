using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Emit;
using StripeModelGen.Testing;

namespace StripeModelGen.Snapshots.Tests;

/// <summary>
/// Every artifact of every snapshot model (the shipped Stripe model and the focused models under
/// <c>Models/</c>) in every dialect: <c>Snapshots/&lt;model&gt;/&lt;artifact path&gt;/plan.txt</c> and one
/// <c>&lt;dialect&gt;.sql</c> per dialect, side by side. Compiled again with <c>--as-of</c> (<see cref="AsOfCases"/>),
/// the artifacts that read the clock are under <c>Snapshots/as_of/&lt;model&gt;/&lt;artifact path&gt;/</c>.
/// </summary>
public sealed class SnapshotCases
{
    public static readonly string[] Models = ["stripe", "planner", "planner_berlin"];

    /// <summary>
    /// Models compiled with <c>--as-of</c>, and which of their artifacts reading the clock are kept: a date in UTC;
    /// the day Berlin's clocks go forward (it starts at 23:00 UTC the day before); and an instant with an offset
    /// for the shipped model's views reading <c>CURRENT_TIMESTAMP()</c> (its tiles change the same way as the planner's).
    /// </summary>
    public static readonly (string Model, string AsOf, string Kinds)[] AsOfCases =
    [
        ("planner", "2026-06-30", "view tile query"),
        ("planner_berlin", "2026-03-29", "view tile query"),
        ("stripe", "2026-06-30T17:30:00+02:00", "view"),
    ];

    private const string AsOfFolder = "as_of";

    private static readonly Dictionary<(string Model, string Dialect, string? AsOf), CompiledProject> Compiled = [];

    public static string ProjectDirectory(string model) => model == "stripe"
        ? Path.Combine(RepositoryRoot.Path, "models", "stripe")
        : Path.Combine(RepositoryRoot.Path, "tests", "StripeModelGen.Snapshots.Tests", "Models", model);

    public static CompiledProject Compile(string model, string dialect, string? asOf = null)
    {
        lock (Compiled)
        {
            if (Compiled.TryGetValue((model, dialect, asOf), out var project))
                return project;
            var loaded = Compilation.LoadDirectory(ProjectDirectory(model));
            Assert.True(loaded.Model is not null, string.Join("\n", loaded.Diagnostics));
            DateTimeOffset? instant = null;
            if (asOf is not null)
            {
                Assert.True(Compiler.Sql.AsOf.TryParse(asOf, out var value, out var error), error);
                Assert.True(value.TryResolve(loaded.Model!.Project.TimeZone, out var resolved, out error), error);
                instant = resolved;
            }
            var result = Compilation.Compile(loaded.Model!, dialect, instant);
            Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
            Compiled[(model, dialect, asOf)] = result.Project!;
            return result.Project!;
        }
    }

    /// <summary>The artifacts of an <see cref="AsOfCases"/> entry: those of its kinds whose SQL reads the clock (changes with <c>--as-of</c>) in the first dialect.</summary>
    private static IEnumerable<string> ClockReaders(string model, string asOf, string kinds)
    {
        var dialect = Compilation.Dialects[0];
        var clock = Compile(model, dialect).Artifacts.ToDictionary(a => a.Path, a => Body(a.Sql), StringComparer.Ordinal);
        return Compile(model, dialect, asOf).Artifacts
            .Where(a => kinds.Split(' ').Contains(a.Kind, StringComparer.Ordinal) && Body(a.Sql) != clock[a.Path])
            .Select(a => a.Path);
    }

    private static string Body(string sql) => sql[(sql.IndexOf('\n', StringComparison.Ordinal) + 1)..];

    public static TheoryData<string, string, string> AsOfArtifacts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (model, asOf, kinds) in AsOfCases)
        {
            foreach (var path in ClockReaders(model, asOf, kinds))
                data.Add(model, asOf, path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AsOfArtifacts))]
    public void Artifact_as_of(string model, string asOf, string path)
    {
        var folder = $"{AsOfFolder}/{model}/{path[..^".sql".Length]}";
        foreach (var dialect in Compilation.Dialects)
        {
            var artifact = Compile(model, dialect, asOf).Artifacts.Single(a => a.Path == path);
            Snapshot.Verify($"{folder}/{dialect}.sql", $"-- case: {folder} ({dialect}, --as-of {asOf})\n{artifact.Sql}");
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
        var expected = Models.SelectMany(m => Compile(m, Compilation.Dialects[0]).Artifacts.Select(a => $"{m}/{a.Path[..^".sql".Length]}"))
            .Concat(AsOfCases.SelectMany(c => ClockReaders(c.Model, c.AsOf, c.Kinds).Select(p => $"{AsOfFolder}/{c.Model}/{p[..^".sql".Length]}")))
            .ToHashSet(StringComparer.Ordinal);
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
