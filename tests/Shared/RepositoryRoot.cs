namespace StripeModelGen.Testing;

/// <summary>
/// The source tree tests and benchmarks run from: the nearest directory above the binaries (or the
/// working directory) holding StripeModelGen.sln. Linked into every test and benchmark project.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "StripeModelGen.sln")))
                    return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No StripeModelGen.sln above {AppContext.BaseDirectory}; run from inside the repository");
    }
}
