using System.Diagnostics;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Tests.Testing;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>
/// The writer's output parsed by each dialect's own grammar (tests/SqlCheck/check.mjs: PostgreSQL's
/// real parser for postgres). Skipped, with the reason, when Node or the checker's packages are missing
/// outside CI; in CI (<c>CI=true</c>) that is a failure. A dialect the checker has not wired yet is skipped.
/// </summary>
public sealed class SqlSyntaxCheckTests
{
    public static TheoryData<string> DialectFiles => [.. Dialect.RepositoryFiles];

    private static string CheckerDirectory => RepositoryRoot.Combine("tests", "SqlCheck");

    [Fact]
    public void The_corpus_writes_without_diagnostics_for_every_dialect()
    {
        var diagnostics = new DiagnosticBag();
        foreach (var dialect in DialectCatalog.LoadDirectory(RepositoryRoot.Combine("dialects"), diagnostics).Values)
        {
            foreach (var (name, statement) in SqlCorpus.All())
            {
                var text = SqlWriter.Write(statement, dialect, diagnostics);
                Assert.True(text is not null, $"{dialect.Name} {name}: {string.Join('\n', diagnostics.ToImmutableSorted())}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DialectFiles))]
    public void Every_corpus_statement_parses_with_the_dialects_own_grammar(string file)
    {
        var dialect = DialectCatalog.LoadDirectory(RepositoryRoot.Combine("dialects"), new DiagnosticBag())[DialectFileReader.ExpectedName(file)];
        SkipUnlessCheckerInstalled();

        var directory = Directory.CreateTempSubdirectory("smg-sqlcheck-");
        try
        {
            var count = 0;
            foreach (var (name, statement) in SqlCorpus.All())
            {
                var text = Dialect.Write(statement, dialect);
                File.WriteAllText(Path.Combine(directory.FullName, $"{count++:D3}-{name}.sql"), text);
            }
            var (exitCode, output, error) = RunChecker(directory.FullName, dialect.Name);

            if (exitCode == 2 && error.Contains("has no checker wired yet", StringComparison.Ordinal))
                Assert.Skip($"tests/SqlCheck/check.mjs has no parser wired for {dialect.Name} yet");
            Assert.True(exitCode == 0, $"check.mjs exited with {exitCode}:\n{error}\n{FailingStatements(error)}");
            Assert.Equal(count, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("OK ", StringComparison.Ordinal)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_checker_rejects_what_postgresql_rejects()
    {
        SkipUnlessCheckerInstalled();
        var directory = Directory.CreateTempSubdirectory("smg-sqlcheck-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "good.sql"), "SELECT \"a\" FROM \"t\" ORDER BY 1 DESC NULLS LAST LIMIT 1;\n");
            File.WriteAllText(Path.Combine(directory.FullName, "ignore-nulls.sql"), "SELECT LAST_VALUE(\"a\") IGNORE NULLS OVER (ORDER BY \"b\") FROM \"t\";\n");
            File.WriteAllText(Path.Combine(directory.FullName, "limit-comma.sql"), "SELECT \"a\" FROM \"t\" LIMIT 1, 2;\n");

            var (exitCode, _, error) = RunChecker(directory.FullName, "postgres");

            Assert.Equal(1, exitCode);
            Assert.Contains("ignore-nulls.sql:1:", error, StringComparison.Ordinal);
            Assert.Contains("limit-comma.sql:1:", error, StringComparison.Ordinal);
            Assert.DoesNotContain("good.sql", error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Skips outside CI when Node or the checker's node_modules are missing; fails in CI.</summary>
    private static void SkipUnlessCheckerInstalled()
    {
        var missing = !Directory.Exists(Path.Combine(CheckerDirectory, "node_modules"))
            ? "tests/SqlCheck/node_modules is missing (run `npm ci` in tests/SqlCheck, or `bash .ci/test`)"
            : FindNode() is null ? "node is not on the PATH" : null;
        if (missing is null)
            return;
        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"The SQL syntax checker cannot run in CI: {missing}");
        Assert.Skip($"The SQL syntax checker cannot run: {missing}");
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);

    private static (int ExitCode, string Output, string Error) RunChecker(string directory, string dialect)
    {
        var start = new ProcessStartInfo(FindNode()!)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(CheckerDirectory, "check.mjs"));
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(dialect);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("check.mjs did not finish within 2 minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The text of each file the checker complained about, so a failure shows the SQL.</summary>
    private static string FailingStatements(string error) =>
        string.Join(
            "\n",
            error.Split('\n')
                .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^SYNTAX ERROR (.+?\.sql)"))
                .Where(m => m.Success)
                .Select(m => m.Groups[1].Value)
                .Distinct(StringComparer.Ordinal)
                .Where(File.Exists)
                .Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
}
