using System.CommandLine;
using System.CommandLine.Parsing;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Cli;

/// <summary>
/// <c>--as-of</c>: the instant the compiled SQL takes as "now" instead of the database's clock (relative dates,
/// <c>CURRENT_TIMESTAMP()</c>). Its form is checked while parsing (exit code 2); what a date or a time without
/// offset means depends on the project's time zone, so <see cref="Resolve"/> reads it once the project is loaded.
/// </summary>
public static class AsOfOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--as-of")
        {
            Description = "Compile relative dates and CURRENT_TIMESTAMP() against this instant instead of the database clock: "
                + "a date (2026-06-30: the start of that day in the project's time zone), a time in that zone (2026-06-30T17:30:00), "
                + "or an instant (2026-06-30T15:30:00Z, 2026-06-30T17:30:00+02:00)",
            HelpName = "DATE|TIMESTAMP",
        };
        option.Validators.Add(Validate);
        return option;
    }

    /// <summary>The instant the option names in the project's time zone, or null when it is not given.</summary>
    /// <exception cref="UsageException">The value names no single instant in that time zone.</exception>
    public static DateTimeOffset? Resolve(CommandContext context, Option<string> option, BoundModel model)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        if (context.Get(option) is not { } text)
            return null;
        if (!AsOf.TryParse(text, out var asOf, out var error) || !asOf.TryResolve(model.Project.TimeZone, out var instant, out error))
            throw new UsageException(Message(text, error));
        return instant;
    }

    private static string Message(string text, string error) => $"--as-of '{text}' {error}";

    private static void Validate(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (!AsOf.TryParse(token.Value, out _, out var error))
                result.AddError(Message(token.Value, error));
        }
    }
}
