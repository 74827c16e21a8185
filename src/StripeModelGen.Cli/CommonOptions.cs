using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using StripeModelGen.Compiler;

namespace StripeModelGen.Cli;

/// <summary>
/// The options every command that loads a project takes: <c>--project</c>, <c>--source</c> and
/// repeatable <c>--const name=value</c>. A command adds them with <see cref="AddTo"/> and reads them
/// back, validated, with <see cref="Read"/>.
/// </summary>
public sealed class CommonOptions
{
    public Option<string> Project { get; } = new("--project")
    {
        Description = "The project directory, holding project.yml (default: the current directory)",
        HelpName = "DIR",
    };

    public Option<string> Source { get; } = new("--source")
    {
        Description = "The source schema to read: sigma, segment or fivetran (default: the project's default_source)",
        HelpName = "S",
    };

    public Option<string[]> Constants { get; } = new("--const")
    {
        Description = "Override a constant declared in project.yml; repeatable (a later one wins)",
        HelpName = "name=value",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public CommonOptions() => Constants.Validators.Add(ValidateConstants);

    public void AddTo(Command command)
    {
        command.Options.Add(Project);
        command.Options.Add(Source);
        command.Options.Add(Constants);
    }

    /// <summary>The project directory and compilation options the command line asks for.</summary>
    /// <exception cref="UsageException">The project directory does not exist.</exception>
    public ProjectSelection Read(ParseResult parseResult, CliEnvironment environment)
    {
        var given = parseResult.GetValue(Project);
        var directory = string.IsNullOrEmpty(given) ? environment.CurrentDirectory : Path.GetFullPath(given, environment.CurrentDirectory);
        if (File.Exists(directory))
            throw new UsageException($"project directory '{given}' is a file, not a directory");
        if (!Directory.Exists(directory))
            throw new UsageException($"project directory '{given ?? directory}' does not exist");
        var options = new CompilationOptions(parseResult.GetValue(Source), ParseConstants(parseResult.GetValue(Constants) ?? []));
        return new ProjectSelection(directory, options);
    }

    /// <summary>Parses <c>name=value</c> pairs (split at the first <c>=</c>; a later name wins).</summary>
    public static ImmutableSortedDictionary<string, string> ParseConstants(IEnumerable<string> pairs)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (!TrySplitConstant(pair, out var name, out var value))
                throw new UsageException(ConstantError(pair));
            builder[name] = value;
        }
        return builder.ToImmutable();
    }

    private static bool TrySplitConstant(string pair, out string name, out string value)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        name = equals > 0 ? pair[..equals].Trim() : string.Empty;
        value = equals > 0 ? pair[(equals + 1)..] : string.Empty;
        return name.Length > 0;
    }

    private static string ConstantError(string pair) => $"--const '{pair}' is not of the form name=value";

    private static void ValidateConstants(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (!TrySplitConstant(token.Value, out _, out _))
                result.AddError(ConstantError(token.Value));
        }
    }
}

/// <summary>A project directory (absolute) and what to compile it with.</summary>
public sealed record ProjectSelection(string Directory, CompilationOptions Options)
{
    /// <summary>
    /// The project directory relative to <paramref name="currentDirectory"/>, with '/' separators and a
    /// trailing '/', or empty when they are the same: what GitHub annotation paths are prefixed with.
    /// </summary>
    public string PathPrefixFrom(string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, Directory).Replace('\\', '/');
        return relative == "." ? string.Empty : relative.TrimEnd('/') + "/";
    }
}
