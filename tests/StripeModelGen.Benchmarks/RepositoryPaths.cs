namespace StripeModelGen.Benchmarks;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest directory above the working directory holding StripeModelGen.sln.</summary>
    public static string Root
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, "StripeModelGen.sln")))
                        return directory.FullName;
                }
            }
            throw new InvalidOperationException("Run the benchmarks from inside the repository.");
        }
    }

    public static string StripeModel => Path.Combine(Root, "models", "stripe");
}
