using System.Collections.Immutable;
using StripeModelGen.Compiler.Emit;
using StripeModelGen.Compiler.Tests.Binding;

namespace StripeModelGen.Compiler.Tests.Emit;

/// <summary>
/// A source that reads only some rows of a table (<c>where:</c>) and lacks a column (<c>missing:</c>): what
/// reads the column is reported unavailable (SMG3005) and not written, a view leaves the column out
/// (SMG3006), and everything else reads the kept rows only, in <c>compile</c> and in <c>dbt</c> alike.
/// </summary>
public sealed class SourceGapsTests
{
    private const string Model = """
        sources:
          - name: current
            tables: [{ name: subscriptions }]
          - name: history
            schema: raw
            tables:
              - name: subscriptions
                table: subscription_history
                where: { _active: true, kind: "live" }
                missing: [plan]
                columns: [{ name: status, column: state }]
        views:
          - name: subscriptions
            table: subscriptions
            dimensions:
              - { name: id, primary_key: true, description: The subscription. }
              - { name: status, description: Its status. }
              - { name: plan, description: Its plan. }
              - { name: plan_label, sql: "UPPER(${plan})", description: Its plan in capitals. }
            measures:
              - { name: count, type: count, description: Subscriptions. }
        explores:
          - name: subscriptions
        queries:
          - name: by_status
            explore: subscriptions
            fields: [subscriptions.status, subscriptions.count]
          - name: by_plan
            explore: subscriptions
            fields: [subscriptions.plan_label, subscriptions.count]
        """;

    private static CompilationResult Load(string source)
    {
        var loaded = ModelBuilder.Load(Model, options: new CompilationOptions(Source: source));
        Assert.True(loaded.Model is not null, ModelBuilder.Describe(loaded));
        Assert.Empty(loaded.Diagnostics);
        return loaded;
    }

    private static CompileResult Compile(string source) => Compilation.Compile(Load(source).Model!, "postgres");

    private static string Messages(ImmutableArray<Diagnostics.Diagnostic> diagnostics, string id) =>
        string.Join("\n", diagnostics.Where(d => d.Id == id).Select(d => d.Message));

    [Fact]
    public void What_reads_a_missing_column_is_reported_and_not_written()
    {
        var result = Compile("history");
        Assert.Equal(
            "Query `by_plan` is not available for source `history`: it reads column `plan` of table `subscriptions`, which `history` does not have; no SQL was written for it",
            Messages(result.Diagnostics, "SMG3005"));
        Assert.DoesNotContain(result.Project!.Artifacts, a => a.Name == "by_plan");
        Assert.Contains(result.Project.Artifacts, a => a.Name == "by_status");
    }

    [Fact]
    public void A_view_leaves_out_the_columns_reading_a_missing_column()
    {
        var result = Compile("history");
        Assert.Equal(
            "Column `plan` of view `subscriptions` is left out for source `history`: it reads column `plan` of table `subscriptions`, which `history` does not have\n"
            + "Column `plan_label` of view `subscriptions` is left out for source `history`: it reads column `plan` of table `subscriptions`, which `history` does not have",
            Messages(result.Diagnostics, "SMG3006"));
        var view = Assert.Single(result.Project!.Artifacts, a => a.Path == "views/subscriptions.sql");
        Assert.Equal(["id", "status"], view.Columns.Select(c => c.Name));
        Assert.DoesNotContain("plan", view.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_rows_the_source_keeps_are_read()
    {
        var sql = Assert.Single(Compile("history").Project!.Artifacts, a => a.Name == "by_status").Sql;
        Assert.Contains("""
            FROM (
              SELECT
                "subscriptions"."id" AS "id",
                "subscriptions"."state" AS "state"
              FROM "raw"."subscription_history" AS "subscriptions"
              WHERE "subscriptions"."_active" = TRUE
                AND "subscriptions"."kind" = 'live'
            ) AS "subscriptions"
            """, sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_with_the_column_compiles_everything()
    {
        var result = Compile("current");
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Project!.Artifacts, a => a.Name == "by_plan");
        Assert.DoesNotContain("WHERE", Assert.Single(result.Project.Artifacts, a => a.Name == "by_status").Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dbt_staging_model_keeps_the_rows_and_leaves_out_the_missing_column()
    {
        var result = Compilation.CompileDbt(Load("history").Model!, "postgres");
        Assert.True(result.Project is not null, string.Join("\n", result.Diagnostics));
        Assert.Contains("Query `by_plan` is not available for source `history`", Messages(result.Diagnostics, "SMG3005"), StringComparison.Ordinal);
        var staging = Assert.Single(result.Project.Files, f => f.Key == "models/staging/stg_stripe__subscriptions.sql").Value;
        Assert.Contains("""
            FROM {{ source('stripe', 'subscriptions') }} AS "subscriptions"
            WHERE "subscriptions"."_active" = TRUE
              AND "subscriptions"."kind" = 'live'
            """, staging, StringComparison.Ordinal);
        Assert.DoesNotContain("plan", staging, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Project.Models, m => m.Name.Contains("by_plan", StringComparison.Ordinal));
        var view = Assert.Single(result.Project.Files, f => f.Key == "models/views/subscriptions.sql").Value;
        Assert.DoesNotContain("plan", view, StringComparison.Ordinal);
    }
}
