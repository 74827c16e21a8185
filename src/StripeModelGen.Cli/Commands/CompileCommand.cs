using System.Collections.Immutable;
using System.CommandLine;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Emit;

namespace StripeModelGen.Cli.Commands;

/// <summary>
/// <c>compile</c>: writes <c>manifest.json</c> and one SQL file per view, tile and saved query to
/// <c>--out</c>, atomically; with <c>--check</c> writes nothing and exits 1 listing the stale files.
/// <c>--dialect all</c> writes one such folder per dialect (<c>DIR/postgres</c>, <c>DIR/snowflake</c>...),
/// the whole tree at once: nothing is written unless every dialect compiled.
/// </summary>
public static class CompileCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var format = DiagnosticFormatOption.Create();
        var dialect = DialectOption.Create(allowAll: true);
        var output = new Option<string>("--out") { Description = "The output directory (replaced as a whole)", HelpName = "DIR", Required = true };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 and list the files that differ if DIR is not up to date" };
        var asOf = AsOfOption.Create();
        var command = new Command("compile", "Compile every view, dashboard tile and saved query to SQL files and a manifest");
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
        var asOf = AsOfOption.Resolve(context, asOfOption, loaded.Model);
        var requested = context.Get(dialectOption)!;
        var dialects = DialectOption.Expand(requested);
        var results = dialects.Select(d => (Dialect: d, Result: Compilation.Compile(loaded.Model, d, asOf))).ToList();
        // A diagnostic of the model (a warning) is the same in every dialect: print it once.
        var diagnostics = DiagnosticOrder.Sort(results.SelectMany(r => r.Result.Diagnostics).Distinct());
        context.Output.WriteDiagnostics([.. loaded.Diagnostics, .. diagnostics], format, prefix);
        if (results.Any(r => r.Result.Project is null))
            return ExitCodes.ModelErrors;

        var files = requested == DialectOption.All
            ? results.SelectMany(r => r.Result.Project!.Files().Select(f => KeyValuePair.Create($"{r.Dialect}/{f.Key}", f.Value)))
                .ToImmutableSortedDictionary(StringComparer.Ordinal)
            : results[0].Result.Project!.Files();
        var directory = Path.GetFullPath(context.Get(outputOption)!, context.Environment.CurrentDirectory);
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
