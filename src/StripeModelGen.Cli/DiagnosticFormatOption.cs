using System.CommandLine;
using System.CommandLine.Parsing;
using StripeModelGen.Compiler.Diagnostics;

namespace StripeModelGen.Cli;

/// <summary><c>--format text|json|github</c>: how diagnostics are written to stderr.</summary>
public static class DiagnosticFormatOption
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Github = "github";

    private static readonly string[] Names = [Text, Json, Github];

    public static Option<string> Create()
    {
        var option = new Option<string>("--format")
        {
            Description = "How diagnostics are printed on stderr: text (path:line:col: error SMG....: message), json, or github (workflow annotations)",
            HelpName = "text|json|github",
            DefaultValueFactory = _ => Text,
        };
        option.CompletionSources.Add(Names);
        option.Validators.Add(Validate);
        return option;
    }

    public static DiagnosticFormat Parse(string? value) => value switch
    {
        Json => DiagnosticFormat.Json,
        Github => DiagnosticFormat.Github,
        _ => DiagnosticFormat.Text,
    };

    private static void Validate(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (!Names.Contains(token.Value, StringComparer.Ordinal))
                result.AddError($"--format '{token.Value}' is not one of: {string.Join(", ", Names)}");
        }
    }
}
