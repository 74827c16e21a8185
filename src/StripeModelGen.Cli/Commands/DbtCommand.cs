using System.Collections.Immutable;
using System.CommandLine;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Emit;
using StripeModelGen.Compiler.Emit.Dbt;

namespace StripeModelGen.Cli.Commands;

/// <summary>
/// <c>dbt</c>: writes a dbt project (sources, staging models, one model per view, saved query, tile and MRR
/// query, schema tests) to <c>--out</c>, atomically; with <c>--check</c> writes nothing and exits 1 listing
/// the stale files. Files dbt itself writes in the project (<c>target/</c>, <c>logs/</c>) are not stale.
/// </summary>
public static class DbtCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var format = DiagnosticFormatOption.Create();
        var dialect = DialectOption.Create();
        var output = new Option<string>("--out") { Description = "The dbt project directory (replaced as a whole)", HelpName = "DIR", Required = true };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 and list the files that differ if DIR is not up to date" };
        var asOf = AsOfOption.Create();
        var command = new Command("dbt", "Write a dbt project: sources, staging models, a model per view, saved query, dashboard tile and MRR query, with schema tests");
        common.AddTo(command);
        command.Options.Add(dialect);
        command.Options.Add(output);
        command.Options.Add(check);
        command.Options.Add(asOf);
        command.Options.Add(format);
        command.SetAction(parseResult => Run(new CommandContext(parseResult, environment), common, format, dialect, output, check, asOf));
        return command;
    }

    private static int Run(CommandContext context, CommonOptions common, Option<string> formatOption, Option<string> dialectOption, Option<string> outputOption, Option<bool> checkOption, Option<string> asOfOption)
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
        var compiled = Compilation.CompileDbt(loaded.Model, context.Get(dialectOption)!, AsOfOption.Resolve(context, asOfOption, loaded.Model));
        context.Output.WriteDiagnostics([.. loaded.Diagnostics, .. compiled.Diagnostics], format, prefix);
        if (compiled.Project is null)
            return ExitCodes.ModelErrors;

        var shown = context.Get(outputOption)!;
        var directory = Path.GetFullPath(shown, context.Environment.CurrentDirectory);
        var files = compiled.Project.Files;
        if (context.Get(checkOption))
        {
            ImmutableArray<string> stale;
            try
            {
                stale = [.. OutputDirectory.Stale(directory, files).Where(p => !DbtProject.IsDbtArtifact(p))];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Output.WriteUsageError($"cannot read '{shown}': {e.Message}");
                return ExitCodes.Usage;
            }
            foreach (var path in stale)
                context.Output.WriteLine("stale: " + path);
            context.Output.WriteLine(stale.IsEmpty
                ? $"{shown} is up to date ({ConsoleOutput.Count(files.Count, "file")})"
                : $"{ConsoleOutput.Count(stale.Length, "file")} of {shown} out of date; run dbt without --check");
            return stale.IsEmpty ? ExitCodes.Success : ExitCodes.ModelErrors;
        }
        var refusal = IsInside(directory, project.Directory)
            ? "it is inside the model project, whose YAML files it would join"
            : OutputDirectory.RefusalReason(directory, project.Directory, DbtProject.ProjectFileName);
        if (refusal is { } reason)
        {
            context.Output.WriteUsageError($"refusing to replace '{shown}': {reason}");
            return ExitCodes.Usage;
        }
        try
        {
            OutputDirectory.Write(directory, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Output.WriteUsageError($"cannot write '{shown}': {e.Message}");
            return ExitCodes.Usage;
        }
        context.Output.WriteLine($"wrote {ConsoleOutput.Count(files.Count, "file")} to {shown}");
        return ExitCodes.Success;
    }

    private static bool IsInside(string directory, string projectDirectory)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(projectDirectory), Path.GetFullPath(directory));
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
