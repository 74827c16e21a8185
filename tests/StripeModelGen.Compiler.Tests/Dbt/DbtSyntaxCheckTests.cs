using System.Diagnostics;
using System.Text.RegularExpressions;
using StripeModelGen.Compiler.Emit.Dbt;

namespace StripeModelGen.Compiler.Tests.Dbt;

/// <summary>
/// The SQL of every model of the shipped model's dbt project, for every dialect, parsed by the dialect's
/// own grammar (tests/SqlCheck/check.mjs). The checker cannot read Jinja, so each model is rendered the
/// way dbt would render it first: <c>ref</c> and <c>source</c> become plain relation names, <c>config</c>
/// nothing, an escaped literal (<c>{{ '{%' }}</c>) its text. Skipped, with the reason, when Node or the
/// checker's packages are missing outside CI (a failure with <c>CI=true</c>), and per dialect the checker
/// has not wired.
/// </summary>
public sealed partial class DbtSyntaxCheckTests
{
    public static TheoryData<string> Dialects => [.. Compilation.Dialects];

    private static string CheckerDirectory => RepositoryRoot.Combine("tests", "SqlCheck");

    [Fact]
    public void Rendering_replaces_every_jinja_call()
    {
        const string Model = "{{ config(materialized='view') }}\n\nSELECT '{{ '{%' }}' FROM {{ ref('a') }} JOIN {{ source('stripe', 'b') }}";

        Assert.Equal("\n\nSELECT '{%' FROM a JOIN stripe.b", Render(Model));
        Assert.Throws<FormatException>(() => Render("SELECT {{ unknown() }}"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Every_model_parses_with_the_dialects_own_grammar(string dialect)
    {
        var loaded = Compilation.LoadDirectory(RepositoryRoot.Combine("models", "stripe"));
        var project = Compilation.CompileDbt(loaded.Model!, dialect).Project!;
        SkipUnlessCheckerInstalled();

        var directory = Directory.CreateTempSubdirectory("smg-dbt-sqlcheck-");
        try
        {
            foreach (var model in project.Models)
                File.WriteAllText(Path.Combine(directory.FullName, model.Name + ".sql"), Render(model.Text));
            var (exitCode, output, error) = RunChecker(directory.FullName, dialect);

            if (exitCode == 2 && error.Contains("has no checker wired yet", StringComparison.Ordinal))
                Assert.Skip($"tests/SqlCheck/check.mjs has no parser wired for {dialect} yet");
            Assert.True(exitCode == 0, $"check.mjs exited with {exitCode}:\n{error}");
            Assert.Equal(project.Models.Length, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("OK ", StringComparison.Ordinal)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A model's text as dbt renders it, with relations as bare names (the generator's names need no quoting).</summary>
    private static string Render(string text)
    {
        var outside = JinjaCall().Replace(text, string.Empty);
        if (outside.Contains("{{", StringComparison.Ordinal) || outside.Contains("{%", StringComparison.Ordinal) || outside.Contains("{#", StringComparison.Ordinal))
            throw new FormatException("Jinja the renderer does not know:\n" + text);
        return JinjaCall().Replace(text, match =>
        {
            var call = match.Groups["call"].Value;
            if (ConfigCall().IsMatch(call))
                return string.Empty;
            if (RefCall().Match(call) is { Success: true } reference)
                return reference.Groups[1].Value;
            if (SourceCall().Match(call) is { Success: true } source)
                return source.Groups[1].Value + "." + source.Groups[2].Value;
            if (StringLiteral().Match(call) is { Success: true } literal)
                return literal.Groups[1].Value;
            throw new FormatException($"Unexpected Jinja `{match.Value}`");
        });
    }

    [GeneratedRegex(@"\{\{ (?<call>(?:'[^']*'|[^}'])*) \}\}")]
    private static partial Regex JinjaCall();

    [GeneratedRegex(@"^config\(materialized='(view|table)'\)$")]
    private static partial Regex ConfigCall();

    [GeneratedRegex(@"^ref\('([a-z0-9_]+)'\)$")]
    private static partial Regex RefCall();

    [GeneratedRegex(@"^source\('([a-z0-9_]+)', '([a-z0-9_]+)'\)$")]
    private static partial Regex SourceCall();

    [GeneratedRegex(@"^'([^'\\]*)'$")]
    private static partial Regex StringLiteral();

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
}
