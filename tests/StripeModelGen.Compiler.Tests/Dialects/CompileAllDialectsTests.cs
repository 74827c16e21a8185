using System.Text.Json;
using StripeModelGen.Cli;
using StripeModelGen.Compiler.Tests.Cli;
using StripeModelGen.Compiler.Tests.Testing;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary><c>compile --dialect all</c>: one folder per dialect file, written as one tree; every dialect is accepted by name.</summary>
public sealed class CompileAllDialectsTests
{
    private static string Planner => RepositoryRoot.Combine("tests", "StripeModelGen.Snapshots.Tests", "Models", "planner");

    [Fact]
    public void All_writes_one_folder_per_dialect_each_with_its_manifest()
    {
        var directory = Directory.CreateTempSubdirectory("smg-all-");
        try
        {
            var run = CliHarness.Run(directory.FullName, "compile", "--project", Planner, "--dialect", "all", "--out", "out");

            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            var output = Path.Combine(directory.FullName, "out");
            Assert.Equal(Dialect.RepositoryFiles.Select(Compiler.Dialects.DialectFileReader.ExpectedName), Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var dialect in Dialect.All.Keys)
            {
                using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, dialect, "manifest.json")));
                Assert.Equal(dialect, manifest.RootElement.GetProperty("dialect").GetString());
                Assert.True(File.Exists(Path.Combine(output, dialect, "queries", "top_ten.sql")));
            }
            Assert.Contains("FROM [stripe].[charges]", File.ReadAllText(Path.Combine(output, "sqlserver", "queries", "top_ten.sql")), StringComparison.Ordinal);
            var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count();
            Assert.Equal($"wrote {files} files to out\n", run.Out);

            var check = CliHarness.Run(directory.FullName, "compile", "--project", Planner, "--dialect", "all", "--out", "out", "--check");
            Assert.True(check.ExitCode == ExitCodes.Success, check.ToString());
            File.Delete(Path.Combine(output, "trino", "queries", "top_ten.sql"));
            var stale = CliHarness.Run(directory.FullName, "compile", "--project", Planner, "--dialect", "all", "--out", "out", "--check");
            Assert.Equal(ExitCodes.ModelErrors, stale.ExitCode);
            Assert.Contains("stale: trino/queries/top_ten.sql\n", stale.Out, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("snowflake", "FROM \"STRIPE\".\"CHARGES\" AS \"charges\"")]
    [InlineData("trino", "LIMIT 10;")]
    [InlineData("sqlserver", "SELECT TOP (10)")]
    public void Query_writes_each_dialect(string dialect, string expected)
    {
        var run = CliHarness.Run(Planner, "query", "--dialect", dialect, "--explore", "charges", "--fields", "charges.currency,charges.gross", "--sort", "charges.gross:desc", "--limit", "10");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void All_is_for_compile_only()
    {
        var run = CliHarness.Run(Planner, "query", "--dialect", "all", "--explore", "charges", "--fields", "charges.currency");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--dialect 'all' is not one of: postgres, snowflake, sqlserver, trino", run.Error, StringComparison.Ordinal);
    }
}
