using StripeModelGen.Compiler.Binding;

namespace StripeModelGen.Compiler.Sql;

/// <summary>What lowering needs besides the plan: the source the tables come from, the target dialect
/// (for per-dialect <c>sql_&lt;dialect&gt;</c> replacements) and the project's time settings.</summary>
public sealed record LoweringContext(BoundModel Model, SourceSymbol? Source, string Dialect)
{
    public ProjectSettings Project => Model.Project;

    public bool ConvertsTimeZone => Project.TimeZone is not ("UTC" or "Etc/UTC");

    public static LoweringContext For(BoundModel model, string? source, string dialect) =>
        new(model, model.Source(source ?? model.Project.DefaultSource), dialect);
}
