using System.Globalization;
using StripeModelGen.Cli;

namespace StripeModelGen.Compiler.Tests.Cli;

/// <summary>The outcome of one in-process CLI run.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode.ToString(CultureInfo.InvariantCulture)}\n--- stdout\n{Out}--- stderr\n{Error}";
}

internal static class CliHarness
{
    /// <summary>Runs the CLI with <paramref name="currentDirectory"/> as its working directory and a given environment.</summary>
    public static CliRun Run(string currentDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var environment = new CliEnvironment(stdout, stderr, currentDirectory, name => variables is not null && variables.TryGetValue(name, out var value) ? value : null);
        var code = CliApplication.Run(args, environment);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static CliRun Run(string currentDirectory, params string[] args) => Run(currentDirectory, null, args);

    /// <summary>Runs <paramref name="action"/> with <paramref name="culture"/> as the current culture and UI culture.</summary>
    public static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }

    /// <summary>
    /// The named culture with its real data when the process can load it. Under invariant globalization
    /// (the repository default) only the invariant culture exists, so this returns a copy of it whose
    /// number format differs the way the named culture's does (decimal comma, dot grouping): formatting
    /// a number with the current culture by mistake still shows in the output.
    /// </summary>
    public static CultureInfo Culture(string name)
    {
        CultureInfo culture;
        try
        {
            culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        }
        catch (CultureNotFoundException)
        {
            culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        }
        if (culture.NumberFormat.NumberDecimalSeparator == ".")
        {
            culture.NumberFormat.NumberDecimalSeparator = ",";
            culture.NumberFormat.NumberGroupSeparator = ".";
            culture.NumberFormat.CurrencyDecimalSeparator = ",";
            culture.NumberFormat.CurrencyGroupSeparator = ".";
            culture.NumberFormat.PercentDecimalSeparator = ",";
            culture.NumberFormat.PercentGroupSeparator = ".";
        }
        return culture;
    }
}

/// <summary>A project written to a fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempProject : IDisposable
{
    /// <summary>Two YAML-level errors: an unknown key (SMG1013, line 3) and a duplicate key (SMG1003, line 4).</summary>
    public const string BrokenView = """
        views:
          - name: charges
            nmae: other
            name: again
        """;

    private TempProject(string root) => Root = root;

    /// <summary>The temporary directory; the project itself is <see cref="ProjectDirectory"/>.</summary>
    public string Root { get; }

    public string ProjectDirectory => Path.Combine(Root, ProjectName);

    public const string ProjectName = "proj";

    /// <summary>A project <c>proj/</c> under a fresh temporary root, holding <c>project.yml</c> (<c>name: t</c>) and the given files.</summary>
    public static TempProject Create(params (string Path, string Text)[] files)
    {
        var root = Path.Combine(Path.GetTempPath(), "smg-cli-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        var project = new TempProject(root);
        project.Write("project.yml", "name: t\n");
        foreach (var (path, text) in files)
            project.Write(path, text);
        return project;
    }

    public static TempProject WithView(string viewText) => Create(("views/charges.view.yml", viewText));

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(ProjectDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + (text.EndsWith('\n') ? string.Empty : "\n"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
