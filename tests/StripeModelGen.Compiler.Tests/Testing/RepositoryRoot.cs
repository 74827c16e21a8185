namespace StripeModelGen.Compiler.Tests.Testing;

/// <summary>The source tree the tests run from: the nearest directory above the test binaries holding StripeModelGen.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "StripeModelGen.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No StripeModelGen.sln above {AppContext.BaseDirectory}");
    }
}
