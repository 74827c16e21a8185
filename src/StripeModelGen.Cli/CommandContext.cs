using System.CommandLine;
using StripeModelGen.Compiler;

namespace StripeModelGen.Cli;

/// <summary>What a command's action works with: the parse result, the environment and the output.</summary>
public sealed class CommandContext(ParseResult parseResult, CliEnvironment environment)
{
    public ParseResult ParseResult { get; } = parseResult;

    public CliEnvironment Environment { get; } = environment;

    public ConsoleOutput Output { get; } = new(environment.Out, environment.Error);

    public T? Get<T>(Option<T> option) => ParseResult.GetValue(option);

    /// <summary>Reads the common options and loads the project they select.</summary>
    public (ProjectSelection Project, CompilationResult Result) LoadProject(CommonOptions common)
    {
        var project = common.Read(ParseResult, Environment);
        return (project, Compilation.LoadDirectory(project.Directory, project.Options));
    }
}
