using System.Collections.Immutable;
using System.CommandLine;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Querying;

namespace StripeModelGen.Cli.Commands;

/// <summary><c>query</c>: prints the SQL of an ad-hoc query over an explore.</summary>
public static class QueryCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var format = DiagnosticFormatOption.Create();
        var dialect = DialectOption.Create();
        var explore = new Option<string>("--explore") { Description = "The explore to query", HelpName = "E", Required = true };
        var fields = new Option<string>("--fields") { Description = "Comma-separated fields, as view.field", HelpName = "a,b", Required = true };
        var filters = new Option<string[]>("--filter") { Description = "A filter, field=Looker filter expression; repeatable", HelpName = "f=expr", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var sorts = new Option<string[]>("--sort") { Description = "Sort by a selected field, optionally :desc; repeatable", HelpName = "f[:desc]", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var limit = new Option<int?>("--limit") { Description = "At most N rows", HelpName = "N" };
        var asOf = AsOfOption.Create();
        var command = new Command("query", "Print the SQL of an ad-hoc query");
        common.AddTo(command);
        foreach (var option in new Option[] { dialect, explore, fields, filters, sorts, limit, asOf, format })
            command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var context = new CommandContext(parseResult, environment);
            var request = new QueryRequest(
                context.Get(explore)!,
                [.. context.Get(fields)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                [.. (context.Get(filters) ?? []).Select(ParseFilter)],
                [.. context.Get(sorts) ?? []],
                context.Get(limit) is { } n ? n > 0 ? n : throw new UsageException($"--limit {n} must be at least 1") : null,
                []);
            return Run(context, common, format, dialect, asOf, request);
        });
        return command;
    }

    private static KeyValuePair<string, string> ParseFilter(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            throw new UsageException($"--filter '{text}' is not of the form field=expression");
        return KeyValuePair.Create(text[..equals].Trim(), text[(equals + 1)..]);
    }

    private static int Run(CommandContext context, CommonOptions common, Option<string> formatOption, Option<string> dialectOption, Option<string> asOfOption, QueryRequest request)
    {
        var format = DiagnosticFormatOption.Parse(context.Get(formatOption));
        var (project, loaded) = context.LoadProject(common);
        var prefix = project.PathPrefixFrom(context.Environment.CurrentDirectory);
        if (loaded.Model is null)
        {
            context.Output.WriteDiagnostics(loaded.Diagnostics, format, prefix);
            return ExitCodes.ModelErrors;
        }
        var result = Compilation.CompileQuery(loaded.Model, request, context.Get(dialectOption)!, AsOfOption.Resolve(context, asOfOption, loaded.Model));
        context.Output.WriteDiagnostics([.. loaded.Diagnostics, .. result.Diagnostics], format, prefix);
        if (result.Artifact is null)
            return ExitCodes.ModelErrors;
        context.Output.Out.Write(result.Artifact.Sql);
        return ExitCodes.Success;
    }
}
