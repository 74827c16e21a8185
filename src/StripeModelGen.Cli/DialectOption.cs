using System.CommandLine;
using System.CommandLine.Parsing;
using StripeModelGen.Compiler;

namespace StripeModelGen.Cli;

/// <summary><c>--dialect</c>: one of the dialects the compiler ships.</summary>
public static class DialectOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--dialect")
        {
            Description = $"The SQL dialect: {string.Join(", ", Compilation.Dialects)}",
            HelpName = string.Join("|", Compilation.Dialects),
            Required = true,
        };
        option.CompletionSources.Add([.. Compilation.Dialects]);
        option.Validators.Add(Validate);
        return option;
    }

    private static void Validate(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (!Compilation.Dialects.Contains(token.Value))
                result.AddError($"--dialect '{token.Value}' is not one of: {string.Join(", ", Compilation.Dialects)}");
        }
    }
}
