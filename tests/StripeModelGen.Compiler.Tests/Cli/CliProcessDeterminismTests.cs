using System.Diagnostics;
using System.Globalization;
using StripeModelGen.Cli;

namespace StripeModelGen.Compiler.Tests.Cli;

/// <summary>
/// The built <c>stripe-modelgen</c> run as a separate process, as users run it: compiling the shipped
/// model under German, Turkish and C locales (LANG and LC_ALL) writes byte-identical trees.
/// The tool is built with invariant globalization, so the locale should not even reach it; the second
/// test also runs it with culture data loaded (a runtimeconfig with invariant globalization off), so
/// that formatting a number or a date with the current culture, or a Turkish-i case mapping, would
/// show as a difference; that test compiles with <c>--as-of</c>, whose instant is formatted into every file.
/// </summary>
public sealed class CliProcessDeterminismTests : IDisposable
{
    private static readonly string[] Locales = ["de_DE.UTF-8", "tr_TR.UTF-8", "C"];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "smg-determinism-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    public CliProcessDeterminismTests() => Directory.CreateDirectory(_root);

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

    /// <summary>The CLI built next to this test assembly (the test project references the CLI project), or the CLI project's own output.</summary>
    private static string CliDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "stripe-modelgen.dll");
        if (File.Exists(beside))
            return beside;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
        var own = RepositoryRoot.Combine("src", "StripeModelGen.Cli", "bin", configuration, "net10.0", "stripe-modelgen.dll");
        Assert.True(File.Exists(own), $"stripe-modelgen.dll is neither at {beside} nor at {own}; build the solution first");
        return own;
    }

    /// <summary>The <c>dotnet</c> host running these tests (DOTNET_HOST_PATH, set by the dotnet CLI), else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static (int ExitCode, string Out, string Error) Run(string workingDirectory, string locale, string? runtimeConfig, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        if (runtimeConfig is not null)
        {
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(runtimeConfig);
        }
        start.ArgumentList.Add(CliDll());
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["LANG"] = locale;
        start.Environment["LC_ALL"] = locale;
        start.Environment.Remove("LANGUAGE");
        start.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        start.Environment.Remove(CliEnvironment.DebugVariable);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"stripe-modelgen {string.Join(' ', args)} (LANG={locale}) did not finish within {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Compiles models/stripe once per locale to its own directory and asserts the trees are byte-identical, and equal to an in-process compile.</summary>
    private void AssertSameTreeUnderEveryLocale(string? runtimeConfig, string label, params string[] options)
    {
        var project = RepositoryRoot.Combine("models", "stripe");
        var inProcess = CliHarness.Run(_root, ["compile", "--project", project, "--dialect", "postgres", "--out", Path.Combine(_root, "in-process"), .. options]);
        Assert.True(inProcess.ExitCode == ExitCodes.Success, inProcess.ToString());
        var expected = CompileTestModel.ReadTree(Path.Combine(_root, "in-process"));
        Assert.Contains("manifest.json", expected.Keys);
        Assert.Contains(expected.Keys, k => k.StartsWith("views/", StringComparison.Ordinal));
        Assert.Contains(expected.Keys, k => k.StartsWith("queries/", StringComparison.Ordinal));

        foreach (var locale in Locales)
        {
            var output = Path.Combine(_root, $"{label}-{locale}");
            var (code, stdout, stderr) = Run(_root, locale, runtimeConfig, ["compile", "--project", project, "--dialect", "postgres", "--out", output, .. options]);

            Assert.True(code == ExitCodes.Success, $"LANG={locale} ({label}): exit {code.ToString(CultureInfo.InvariantCulture)}\n{stdout}\n{stderr}");
            Assert.Equal(inProcess.Error, stderr);
            Assert.Equal($"wrote {expected.Count.ToString(CultureInfo.InvariantCulture)} files to {output}\n", stdout);
            CompileTestModel.AssertSameTree(expected, CompileTestModel.ReadTree(output), $"LANG={locale} ({label})");
        }
    }

    [Fact]
    public void The_built_tool_writes_byte_identical_trees_under_German_Turkish_and_C_locales()
    {
        AssertSameTreeUnderEveryLocale(runtimeConfig: null, "as-built");
    }

    [Fact]
    public void The_trees_stay_byte_identical_when_the_locale_s_culture_data_is_loaded()
    {
        var built = Path.ChangeExtension(CliDll(), ".runtimeconfig.json");
        var text = File.ReadAllText(built);
        const string invariant = "\"System.Globalization.Invariant\": true";
        Assert.Contains(invariant, text, StringComparison.Ordinal);
        var cultures = Path.Combine(_root, "cultures.runtimeconfig.json");
        File.WriteAllText(cultures, text.Replace(invariant, "\"System.Globalization.Invariant\": false", StringComparison.Ordinal));

        // Without ICU the runtime cannot start with culture data; that machine only runs the first test.
        var probe = Run(_root, "de_DE.UTF-8", cultures, "--version");
        if (probe.ExitCode != 0 && probe.Error.Contains("ICU", StringComparison.Ordinal))
            Assert.Skip("ICU (libicu) is not installed, so culture data cannot be loaded: " + probe.Error.Split('\n')[0]);
        Assert.True(probe.ExitCode == 0, probe.Error);
        Assert.Equal(CliApplication.Version + "\n", probe.Out);

        AssertSameTreeUnderEveryLocale(cultures, "cultures", "--as-of", "2026-06-30T17:30:00.25+02:00");
    }
}
