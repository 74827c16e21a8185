using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Emit.Dbt;

/// <summary>What a dbt model stands for: the folder it lives in under <c>models/</c> and the kind of artifact it mirrors.</summary>
public enum DbtModelKind
{
    /// <summary><c>stg_stripe__&lt;table&gt;</c>: one source table with the model's logical column names and types.</summary>
    Staging,
    /// <summary><c>int_&lt;view&gt;</c>: the rows of a derived view whose own model shows them differently.</summary>
    Intermediate,
    /// <summary><c>&lt;view&gt;</c>: a view, as <c>compile</c>'s view DDL shows it.</summary>
    View,
    /// <summary><c>&lt;view&gt;</c>: a published view (<c>publish: { kind: mrr }</c>), the MRR queries.</summary>
    Mrr,
    /// <summary><c>query_&lt;name&gt;</c>: a saved query.</summary>
    Query,
    /// <summary><c>tile_&lt;dashboard&gt;__&lt;tile&gt;</c>: a dashboard tile that needs no bind parameter.</summary>
    Tile,
}

/// <summary>A data test of a model column, as <c>schema.yml</c> declares it.</summary>
/// <param name="Name"><c>unique</c>, <c>not_null</c>, <c>relationships</c> or <c>accepted_values</c>.</param>
/// <param name="To">For <c>relationships</c>: the parent model.</param>
/// <param name="Field">For <c>relationships</c>: the parent model's column.</param>
/// <param name="Values">For <c>accepted_values</c>: the values the model lists.</param>
/// <param name="Quote">For <c>accepted_values</c>: false when the column is a number.</param>
/// <param name="Severity"><c>warn</c> when a failure should warn rather than fail the build; null for dbt's default (<c>error</c>).</param>
public sealed record DbtColumnTest(string Name, string? To = null, string? Field = null, ImmutableArray<string> Values = default, bool Quote = true, string? Severity = null)
{
    public const string Unique = "unique";
    public const string NotNull = "not_null";
    public const string Relationships = "relationships";
    public const string AcceptedValues = "accepted_values";
}

/// <summary>A column of a model: its name in the SQL, its description from the model, and its tests.</summary>
public sealed record DbtColumn(string Name, string? Description, ImmutableArray<DbtColumnTest> Tests);

/// <summary>
/// One dbt model: its name (the file name, unique in the project), kind, path relative to the project,
/// materialisation, the whole file text, the models and sources it reads, its columns and the model
/// files it was generated from (paths relative to the model project, sorted).
/// </summary>
public sealed record DbtModel(
    string Name,
    DbtModelKind Kind,
    string Path,
    string Materialized,
    string Text,
    string? Description,
    ImmutableArray<string> Refs,
    ImmutableArray<string> Sources,
    ImmutableArray<DbtColumn> Columns,
    ImmutableArray<string> ModelFiles);

/// <summary>A dbt project generated for one dialect and source: its models and every file to write, by relative path.</summary>
public sealed record DbtProject(string Dialect, string Source, ImmutableArray<DbtModel> Models, ImmutableSortedDictionary<string, string> Files)
{
    /// <summary>The file that marks a directory as a dbt project (and as an earlier output of <c>dbt</c>).</summary>
    public const string ProjectFileName = "dbt_project.yml";

    /// <summary>
    /// Files dbt itself writes inside a project (<c>target/</c>, <c>logs/</c>, <c>dbt_packages/</c>, <c>.user.yml</c>):
    /// not output of the generator, so <c>--check</c> does not count them as stale.
    /// </summary>
    public static bool IsDbtArtifact(string relativePath) =>
        relativePath.StartsWith("target/", StringComparison.Ordinal)
        || relativePath.StartsWith("logs/", StringComparison.Ordinal)
        || relativePath.StartsWith("dbt_packages/", StringComparison.Ordinal)
        || relativePath == ".user.yml";
}
