using System.CommandLine;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Emit;

namespace StripeModelGen.Cli.Commands;

/// <summary>
/// <c>compile</c>: writes <c>manifest.json</c> and one SQL file per view, tile and saved query to
/// <c>--out</c>, atomically; with <c>--check</c> writes nothing and exits 1 listing the stale files.
/// </summary>
public static class CompileCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var format = DiagnosticFormatOption.Create();
        var dialect = DialectOption.Create();
        var output = new Option<string>("--out") { Description = "The output directory (replaced as a whole)", HelpName = "DIR", Required = true };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 and list the files that differ if DIR is not up to date" };
        var command = new Command("compile", "Compile every view, dashboard tile and saved query to SQL files and a manifest");
        common.AddTo(command);
        command.Options.Add(dialect);
        command.Options.Add(output);
        command.Options.Add(check);
        command.Options.Add(format);
        command.SetAction(parseResult => Run(new CommandContext(parseResult, environment), common, format, dialect, output, check));
        return command;
    }

    private static int Run(CommandContext context, CommonOptions common, Option<string> formatOption, Option<string> dialectOption, Option<string> outputOption, Option<bool> checkOption)
    {
        var format = DiagnosticFormatOption.Parse(context.Get(formatOption));
        var (project, loaded) = context.LoadProject(common);
        var prefix = project.PathPrefixFrom(context.Environment.CurrentDirectory);
        if (loaded.Model is null)
        {
            context.Output.WriteDiagnostics(loaded.Diagnostics, format, prefix);
            context.Output.WriteSummary(loaded);
            return ExitCodes.ModelErrors;
        }
        var compiled = Compilation.Compile(loaded.Model, context.Get(dialectOption)!);
        context.Output.WriteDiagnostics([.. loaded.Diagnostics, .. compiled.Diagnostics], format, prefix);
        if (compiled.Project is null)
            return ExitCodes.ModelErrors;

        var directory = Path.GetFullPath(context.Get(outputOption)!, context.Environment.CurrentDirectory);
        var files = compiled.Project.Files();
        if (context.Get(checkOption))
        {
            var stale = OutputDirectory.Stale(directory, files);
            foreach (var path in stale)
                context.Output.WriteLine("stale: " + path);
            context.Output.WriteLine(stale.IsEmpty
                ? $"{context.Get(outputOption)} is up to date ({ConsoleOutput.Count(files.Count, "file")})"
                : $"{ConsoleOutput.Count(stale.Length, "file")} of {context.Get(outputOption)} out of date; run compile without --check");
            return stale.IsEmpty ? ExitCodes.Success : ExitCodes.ModelErrors;
        }
        if (OutputDirectory.RefusalReason(directory, project.Directory) is { } reason)
        {
            context.Output.WriteUsageError($"refusing to replace '{context.Get(outputOption)}': {reason}");
            return ExitCodes.Usage;
        }
        try
        {
            OutputDirectory.Write(directory, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Output.WriteUsageError($"cannot write '{context.Get(outputOption)}': {e.Message}");
            return ExitCodes.Usage;
        }
        context.Output.WriteLine($"wrote {ConsoleOutput.Count(files.Count, "file")} to {context.Get(outputOption)}");
        return ExitCodes.Success;
    }
}
