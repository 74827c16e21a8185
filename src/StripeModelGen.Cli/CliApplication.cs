using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using StripeModelGen.Cli.Commands;
using StripeModelGen.Compiler.Diagnostics;

namespace StripeModelGen.Cli;

/// <summary>
/// The <c>stripe-modelgen</c> command line: builds the command tree, parses, runs the chosen command
/// and maps every outcome to an exit code (<see cref="ExitCodes"/>). Runs in-process for tests.
/// </summary>
public static class CliApplication
{
    public const string ToolName = "stripe-modelgen";
    public const string IssuesUrl = "https://github.com/stripe-modelgen/stripe-modelgen/issues";

    /// <summary>Runs the command line against the process's current directory and environment.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, CliEnvironment.FromProcess(stdout, stderr));

    public static int Run(string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var code = Guard(
            () =>
            {
                var result = Execute(args, environment);
                environment.Out.Flush();
                return result;
            },
            environment.Error,
            environment.Debug);
        try
        {
            environment.Error.Flush();
        }
        catch (IOException)
        {
            // stderr is gone; the exit code still tells.
        }
        return code;
    }

    /// <summary>
    /// Runs <paramref name="body"/>; an exception escaping it is a bug, reported as one line on
    /// <paramref name="stderr"/> (plus the full exception when <paramref name="debug"/>) with exit code 3.
    /// </summary>
    public static int Guard(Func<int> body, TextWriter stderr, bool debug = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return body();
        }
#pragma warning disable CA1031 // the top-level guard: every unexpected exception becomes exit code 3
        catch (Exception e)
#pragma warning restore CA1031
        {
            try
            {
                stderr.Write(InternalErrorLine(e) + "\n");
                if (debug)
                    stderr.Write(e + "\n");
            }
            catch (IOException)
            {
                // stderr itself is gone; the exit code still tells.
            }
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The one line printed for an internal error: the exception type and message, and where to report it.</summary>
    public static string InternalErrorLine(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = string.Join(' ', exception.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return $"{ToolName}: internal error ({exception.GetType().Name}: {message}). " +
               $"This is a bug; please report it with the command you ran at {IssuesUrl}";
    }

    /// <summary>The tool's version, without build metadata (<c>0.1.0</c>).</summary>
    public static string Version
    {
        get
        {
            var assembly = typeof(CliApplication).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                          ?? assembly.GetName().Version?.ToString()
                          ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    public static RootCommand CreateRootCommand(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = new RootCommand("Compiles LookML-style YAML models of Stripe billing data into SQL.")
        {
            HelpName = ToolName,
        };
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
                version.Action = new PrintVersionAction();
        }
        root.Subcommands.Add(ValidateCommand.Create(environment));
        root.Subcommands.Add(CompileCommand.Create(environment));
        root.Subcommands.Add(DbtCommand.Create(environment));
        root.Subcommands.Add(QueryCommand.Create(environment));
        root.Subcommands.Add(RunCommand.Create(environment));
        root.Subcommands.Add(SampleDataCommand.Create(environment));
        return root;
    }

    private static int Execute(string[] args, CliEnvironment environment)
    {
        var root = CreateRootCommand(environment);
        var parseResult = root.Parse(args);
        var output = new ConsoleOutput(environment.Out, environment.Error);
        if (parseResult.Action is ParseErrorAction || (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction))
            return ReportParseErrors(parseResult, output);
        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = environment.Out,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            output.WriteUsageError(e.Message);
            return ExitCodes.Usage;
        }
    }

    /// <summary>Usage errors: each message, a "did you mean" for mistyped options or commands, and where help is.</summary>
    private static int ReportParseErrors(ParseResult parseResult, ConsoleOutput output)
    {
        foreach (var error in parseResult.Errors)
            output.WriteUsageError(error.Message);
        var command = parseResult.CommandResult.Command;
        var candidates = command.Options.Where(o => o is not HelpOption && !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            .Concat(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))
            .Where(name => name.Length >= 3)
            .ToList();
        foreach (var token in parseResult.UnmatchedTokens.Where(t => t.Length >= 3))
        {
            if (NameSuggester.Suggest(token, candidates) is { } suggestion)
                output.WriteErrorLine($"'{token}' is not known; did you mean '{suggestion}'?");
        }
        var path = command is RootCommand ? ToolName : $"{ToolName} {command.Name}";
        output.WriteErrorLine($"Run '{path} --help' for usage.");
        return ExitCodes.Usage;
    }

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.Write(Version + "\n");
            return ExitCodes.Success;
        }
    }
}
