using System.CommandLine;
using System.CommandLine.Parsing;
using StripeModelGen.Compiler;

namespace StripeModelGen.Cli;

/// <summary><c>--dialect</c>: one of the dialects the compiler ships, or (where a command allows it) <c>all</c>.</summary>
public static class DialectOption
{
    /// <summary>The value that stands for every dialect (<c>compile --dialect all</c>).</summary>
    public const string All = "all";

    public static Option<string> Create(bool allowAll = false)
    {
        string[] values = allowAll ? [.. Compilation.Dialects, All] : [.. Compilation.Dialects];
        var option = new Option<string>("--dialect")
        {
            Description = allowAll
                ? $"The SQL dialect: {string.Join(", ", Compilation.Dialects)}, or {All} for one folder per dialect"
                : $"The SQL dialect: {string.Join(", ", Compilation.Dialects)}",
            HelpName = string.Join("|", values),
            Required = true,
        };
        option.CompletionSources.Add(values);
        option.Validators.Add(result => Validate(result, values));
        return option;
    }

    /// <summary>The dialects a value names: itself, or every dialect for <c>all</c>.</summary>
    public static IReadOnlyList<string> Expand(string value) => value == All ? [.. Compilation.Dialects] : [value];

    private static void Validate(OptionResult result, string[] values)
    {
        foreach (var token in result.Tokens)
        {
            if (!values.Contains(token.Value))
                result.AddError($"--dialect '{token.Value}' is not one of: {string.Join(", ", values)}");
        }
    }
}
