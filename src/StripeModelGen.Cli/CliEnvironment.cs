namespace StripeModelGen.Cli;

/// <summary>
/// What the CLI takes from the process: its output streams, its current directory and its
/// environment variables. Tests pass their own, so nothing in a command reads <see cref="Console"/>,
/// <see cref="Environment.CurrentDirectory"/> or the real environment directly.
/// </summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, string CurrentDirectory, Func<string, string?> GetVariable)
{
    /// <summary>The name of the environment variable that makes internal errors print the full exception.</summary>
    public const string DebugVariable = "SMG_DEBUG";

    public static CliEnvironment FromProcess(TextWriter stdout, TextWriter stderr) =>
        new(stdout, stderr, Environment.CurrentDirectory, Environment.GetEnvironmentVariable);

    public bool Debug => GetVariable(DebugVariable) == "1";
}
