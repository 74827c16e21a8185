using StripeModelGen.Compiler.Binding;

namespace StripeModelGen.Compiler.Sql;

/// <summary>What lowering needs besides the plan: the source the tables come from, the target dialect
/// (for per-dialect <c>sql_&lt;dialect&gt;</c> replacements) and the project's time settings.</summary>
public sealed record LoweringContext(BoundModel Model, SourceSymbol? Source, string Dialect)
{
    /// <summary>
    /// When set, tables are read through these relations (dbt staging models) by their logical names:
    /// the staging models have already renamed columns and turned epoch integers into timestamps.
    /// </summary>
    public Func<string, string>? StagingRelation { get; init; }

    /// <summary>
    /// When set, a derived view for which it returns a relation (its dbt model) is read from that relation
    /// instead of being computed in a CTE; null keeps the CTE.
    /// </summary>
    public Func<ViewSymbol, string?>? DerivedRelation { get; init; }

    public ProjectSettings Project => Model.Project;

    public bool ConvertsTimeZone => Project.TimeZone is not ("UTC" or "Etc/UTC");

    public static LoweringContext For(BoundModel model, string? source, string dialect) =>
        new(model, model.Source(source ?? model.Project.DefaultSource), dialect);
}
