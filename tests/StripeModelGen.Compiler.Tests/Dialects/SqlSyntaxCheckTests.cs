using System.Diagnostics;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Tests.Testing;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>
/// The writer's output parsed by each dialect's own grammar (tests/SqlCheck/check.mjs: PostgreSQL's
/// real parser for postgres, sqlparser-rs for snowflake, Trino's ANTLR grammar for trino, the grammars-v4
/// T-SQL grammar for sqlserver). Skipped, with the reason, when Node or the checker's packages are missing
/// outside CI; in CI (<c>CI=true</c>) that is a failure. Every dialect file must have a checker.
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
            foreach (var (name, statement) in SqlCorpus.For(dialect))
            {
                var text = SqlWriter.Write(statement, dialect, diagnostics);
                Assert.True(text is not null, $"{dialect.Name} {name}: {string.Join('\n', diagnostics.ToImmutableSorted())}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DialectFiles))]
    public void Every_corpus_statement_a_dialect_cannot_express_is_an_smg4xxx_error_naming_the_dialect(string file)
    {
        var dialect = Dialect.Of(file);
        foreach (var (name, statement) in SqlCorpus.All().Where(s => SqlCorpus.Unexpressible(s.Statement, dialect) is not null))
        {
            var diagnostics = new DiagnosticBag();
            Assert.True(SqlWriter.Write(statement, dialect, diagnostics) is null, $"{dialect.Name} {name} was written");
            Assert.All(diagnostics.ToImmutableSorted(), d => Assert.True(d.Id.StartsWith("SMG402", StringComparison.Ordinal) && d.Message.Contains($"`{dialect.Name}`", StringComparison.Ordinal), $"{name}: {d}"));
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
            foreach (var (name, statement) in SqlCorpus.For(dialect))
            {
                var text = Dialect.Write(statement, dialect);
                File.WriteAllText(Path.Combine(directory.FullName, $"{count++:D3}-{name}.sql"), text);
            }
            var (exitCode, output, error) = RunChecker(directory.FullName, dialect.Name);

            Assert.True(exitCode == 0, $"check.mjs exited with {exitCode}:\n{error}\n{FailingStatements(error)}");
            Assert.Equal(count, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("OK ", StringComparison.Ordinal)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Every snapshot of every dialect (<c>tests/StripeModelGen.Snapshots.Tests/Snapshots/**/&lt;dialect&gt;.sql</c>:
    /// the SQL the shipped and test models compile to) parses with its dialect's own grammar.
    /// </summary>
    [Theory]
    [MemberData(nameof(DialectFiles))]
    public void Every_snapshot_parses_with_its_dialects_own_grammar(string file)
    {
        var dialect = DialectFileReader.ExpectedName(file);
        var snapshots = RepositoryRoot.Combine("tests", "StripeModelGen.Snapshots.Tests", "Snapshots");
        var files = Directory.EnumerateFiles(snapshots, dialect + ".sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 0, $"No {dialect}.sql snapshot under {snapshots}: run the snapshot tests with SMG_UPDATE_SNAPSHOTS=1");
        SkipUnlessCheckerInstalled();

        var directory = Directory.CreateTempSubdirectory("smg-sqlcheck-");
        try
        {
            foreach (var path in files)
            {
                var name = Path.GetRelativePath(snapshots, Path.GetDirectoryName(path)!).Replace(Path.DirectorySeparatorChar, '~').Replace('/', '~');
                File.Copy(path, Path.Combine(directory.FullName, name + ".sql"));
            }
            var (exitCode, output, error) = RunChecker(directory.FullName, dialect);

            Assert.True(exitCode == 0, $"check.mjs exited with {exitCode}:\n{error}\n{FailingStatements(error)}");
            Assert.Equal(files.Count, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("OK ", StringComparison.Ordinal)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The shipped model compiled over the Segment and Fivetran sources (the snapshots are Sigma's): every
    /// artifact those sources can run parses with the dialect's own grammar.
    /// </summary>
    [Theory]
    [MemberData(nameof(DialectFiles))]
    public void The_shipped_model_over_every_other_source_parses_with_the_dialects_own_grammar(string file)
    {
        var dialect = DialectFileReader.ExpectedName(file);
        SkipUnlessCheckerInstalled();

        var directory = Directory.CreateTempSubdirectory("smg-sqlcheck-");
        try
        {
            var count = 0;
            foreach (var source in new[] { "segment", "fivetran" })
            {
                var loaded = Compilation.LoadDirectory(RepositoryRoot.Combine("models", "stripe"), new CompilationOptions(source));
                Assert.True(loaded.Model is not null, string.Join("\n", loaded.Diagnostics));
                var project = Compilation.Compile(loaded.Model, dialect).Project;
                Assert.NotNull(project);
                foreach (var artifact in project.Artifacts)
                    File.WriteAllText(Path.Combine(directory.FullName, $"{source}~{artifact.Path.Replace('/', '~')}"), artifact.Sql);
                count += project.Artifacts.Length;
            }
            var (exitCode, output, error) = RunChecker(directory.FullName, dialect);

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

    /// <summary>For each dialect, SQL its engine accepts and SQL it rejects (another dialect's spelling leaking in).</summary>
    public static TheoryData<string, string, string> ForeignSpellings => new()
    {
        { "snowflake", "SELECT \"a\" FROM \"t\" WHERE \"b\" = :customer ORDER BY 1 DESC NULLS LAST LIMIT 1;\n", "SELECT [a] FROM [t];\n" },
        { "snowflake", "SELECT LAST_VALUE(\"a\") IGNORE NULLS OVER (ORDER BY \"b\") FROM \"t\";\n", "SELECT `a` FROM `t`;\n" },
        { "trino", "SELECT \"a\" FROM \"t\" WHERE \"b\" = ? ORDER BY 1 DESC NULLS LAST LIMIT 1;\n", "SELECT \"a\" FROM \"t\" WHERE \"a\" ILIKE 'x';\n" },
        { "trino", "SELECT 1 AS \"n\" UNION ALL (SELECT 2 AS \"n\" LIMIT 1);\n", "SELECT [a] FROM [t];\n" },
        { "sqlserver", "SELECT TOP (1) [a] FROM [t] WHERE [b] = @customer ORDER BY CASE WHEN [a] IS NULL THEN 1 ELSE 0 END, [a];\n", "SELECT SUM([a]) FILTER (WHERE [b] = 1) AS [s] FROM [t];\n" },
        { "sqlserver", "CREATE OR ALTER VIEW [v] AS\nSELECT 1 AS [a];\n", "SELECT [a] = 1 AS [flag] FROM [t];\n" },
    };

    [Theory]
    [MemberData(nameof(ForeignSpellings))]
    public void Each_checker_rejects_what_its_engine_rejects(string dialect, string good, string bad)
    {
        SkipUnlessCheckerInstalled();
        var directory = Directory.CreateTempSubdirectory("smg-sqlcheck-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "good.sql"), good);
            File.WriteAllText(Path.Combine(directory.FullName, "bad.sql"), bad);

            var (exitCode, output, error) = RunChecker(directory.FullName, dialect);

            Assert.True(exitCode == 1, $"exit {exitCode}\n{output}\n{error}");
            Assert.Contains("bad.sql:1:", error, StringComparison.Ordinal);
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
        var modules = Path.Combine(CheckerDirectory, "node_modules");
        var missing = !Directory.Exists(modules)
            ? "tests/SqlCheck/node_modules is missing (run `npm ci` in tests/SqlCheck, or `bash .ci/test`)"
            : MissingPackages(modules) is { Count: > 0 } packages
                ? $"tests/SqlCheck/node_modules lacks {string.Join(", ", packages)} (run `npm ci` in tests/SqlCheck, or `bash .ci/test`)"
                : FindNode() is null ? "node is not on the PATH" : null;
        if (missing is null)
            return;
        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"The SQL syntax checker cannot run in CI: {missing}");
        Assert.Skip($"The SQL syntax checker cannot run: {missing}");
    }

    /// <summary>The packages tests/SqlCheck/package.json depends on that node_modules does not hold (an install from an older lock file).</summary>
    private static List<string> MissingPackages(string modules)
    {
        using var package = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(CheckerDirectory, "package.json")));
        return [.. package.RootElement.GetProperty("dependencies").EnumerateObject()
            .Select(p => p.Name)
            .Where(name => !File.Exists(Path.Combine(modules, name, "package.json")))];
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
