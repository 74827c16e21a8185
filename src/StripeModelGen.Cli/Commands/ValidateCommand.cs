using System.CommandLine;
using StripeModelGen.Compiler.Diagnostics;

namespace StripeModelGen.Cli.Commands;

/// <summary>
/// <c>validate</c>: loads and checks the project, prints its diagnostics to stderr and a one-line
/// summary to stdout; exits 1 when the model has errors.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var format = DiagnosticFormatOption.Create();
        var command = new Command("validate", "Check a project's model files and report every problem with file:line:col");
        common.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parseResult => Run(new CommandContext(parseResult, environment), common, format));
        return command;
    }

    private static int Run(CommandContext context, CommonOptions common, Option<string> formatOption)
    {
        var format = DiagnosticFormatOption.Parse(context.Get(formatOption));
        var (project, result) = context.LoadProject(common);
        context.Output.WriteDiagnostics(result.Diagnostics, format, project.PathPrefixFrom(context.Environment.CurrentDirectory));
        context.Output.WriteSummary(result);
        return result.ErrorCount > 0 ? ExitCodes.ModelErrors : ExitCodes.Success;
    }
}
