using StripeModelGen.Compiler.Emit.Dbt;
using StripeModelGen.Compiler.Tests.Cli;

namespace StripeModelGen.Compiler.Tests.Dbt;

/// <summary>
/// A small project for the <c>dbt</c> command: a source storing <c>charges</c> as table <c>charge</c> with
/// an epoch-seconds column (<c>created</c>, stored as <c>created_epoch</c>) and a renamed column
/// (<c>payment_intent</c>, stored as <c>payment_intent_id</c>); views charges and customers joined many to
/// one; a derived view showing its rows as they are (published as an MRR-kind query) and one showing money
/// in major units (so its rows are an <c>int_</c> model); a saved query; a dashboard with a tile that needs a
/// bind parameter, a tile that reads the current date and one that does not.
/// </summary>
internal static class DbtTestModel
{
    public const string ProjectFile = """
        name: t
        default_source: warehouse
        """;

    public const string Sources = """
        sources:
          - name: warehouse
            description: The warehouse's copy of Stripe.
            schema: raw_stripe
            tables:
              - name: charges
                table: charge
                columns:
                  - { name: created, column: created_epoch, type: epoch_seconds }
                  - { name: payment_intent, column: payment_intent_id }
              - name: customers
          - name: other
            database: analytics
            tables: [{ name: charges }]
        """;

    public const string Views = """
        views:
          - name: charges
            description: One row per charge.
            table: charges
            dimensions:
              - { name: id, primary_key: true, description: The charge id. }
              - { name: customer_id, description: The customer. }
              - { name: status, values: [succeeded, failed], description: The outcome. }
              - { name: currency }
              - { name: amount, type: money }
              - { name: created, type: time, timeframes: [raw, date, month] }
              - { name: payment_intent_id, sql: payment_intent, description: "The payment intent; {{ not Jinja }}." }
              - { name: is_big, type: yesno, sql: "amount > 10000 AND description <> '{%'" }
            measures:
              - { name: count, type: count }
              - { name: gross, type: sum, sql: "${amount}", filters: [{ field: status, value: succeeded }] }
          - name: customers
            table: customers
            dimensions:
              - { name: id, primary_key: true }
              - { name: email }
          - name: charge_days
            description: Charges per day.
            derived:
              from: charges
              group_by: [day]
            publish: { kind: mrr, sorts: [day desc] }
            dimensions:
              - { name: day, type: date, primary_key: true, sql: "${charges.created_date}" }
              - { name: charge_count, type: number, sql: "COUNT(${charges.id})" }
          - name: customer_totals
            derived:
              from: charges
              group_by: [customer_id, currency]
            dimensions:
              - { name: customer_id }
              - { name: currency }
              - { name: total, type: money, currency: "${currency}", sql: "SUM(${charges.amount})" }
        explores:
          - name: charges
            joins:
              - { view: customers, sql_on: "${charges.customer_id} = ${customers.id}", relationship: many_to_one }
          - name: charge_days
        """;

    public const string Queries = """
        queries:
          - name: gross_by_currency
            description: Gross charges per currency.
            explore: charges
            fields: [charges.currency, charges.gross]
          - name: top_days
            explore: charge_days
            fields: [charge_days.day, charge_days.charge_count]
            sorts: [charge_days.charge_count desc]
            limit: 3
        """;

    public const string Dashboards = """
        dashboards:
          - name: overview
            title: Overview
            filters:
              - { name: customer, field: customers.id }
              - { name: period, field: charges.created_date, default: last 30 days }
            tiles:
              - name: lookup
                title: Lookup
                explore: charges
                fields: [charges.id, charges.amount, charges.currency]
                listen: { customer: customers.id }
                layout: { row: 0, col: 0, width: 24, height: 6 }
              - name: recent
                title: Recent
                explore: charges
                fields: [charges.count]
                listen: { period: charges.created_date }
                layout: { row: 6, col: 0, width: 12, height: 3 }
              - name: statuses
                title: Statuses
                explore: charges
                fields: [charges.status, charges.count]
                layout: { row: 6, col: 12, width: 12, height: 3 }
        """;

    /// <summary>Every file the command writes for <see cref="Create"/>, in ordinal order.</summary>
    public static readonly string[] OutputFiles =
    [
        ".gitignore",
        "dbt_project.yml",
        "models/intermediate/int_customer_totals.sql",
        "models/intermediate/schema.yml",
        "models/mrr/charge_days.sql",
        "models/mrr/schema.yml",
        "models/queries/query_gross_by_currency.sql",
        "models/queries/query_top_days.sql",
        "models/queries/schema.yml",
        "models/sources.yml",
        "models/staging/schema.yml",
        "models/staging/stg_stripe__charges.sql",
        "models/staging/stg_stripe__customers.sql",
        "models/tiles/overview/schema.yml",
        "models/tiles/overview/tile_overview__recent.sql",
        "models/tiles/overview/tile_overview__statuses.sql",
        "models/views/charges.sql",
        "models/views/customer_totals.sql",
        "models/views/customers.sql",
        "models/views/schema.yml",
    ];

    public static TempProject Create()
    {
        var project = TempProject.Create(
            ("sources/warehouse.source.yml", Sources),
            ("views/model.view.yml", Views),
            ("queries/queries.query.yml", Queries),
            ("dashboards/overview.dashboard.yml", Dashboards));
        project.Write("project.yml", ProjectFile);
        return project;
    }

    /// <summary>The project compiled in memory for a dialect (postgres by default), optionally as of an instant, asserting it has no errors.</summary>
    public static DbtProject Compile(TempProject project, string dialect = "postgres", string? source = null, DateTimeOffset? asOf = null)
    {
        var loaded = Compilation.LoadDirectory(project.ProjectDirectory, new CompilationOptions(source));
        Assert.True(loaded.Model is not null, string.Join("\n", loaded.Diagnostics));
        var result = Compilation.CompileDbt(loaded.Model!, dialect, asOf);
        Assert.True(result.Project is not null, string.Join("\n", result.Diagnostics));
        return result.Project!;
    }
}
