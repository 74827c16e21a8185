using System.Globalization;

namespace StripeModelGen.Integration.Tests.Dbt;

/// <summary>The resolver the proof relies on finds what dbt would refuse, and renders what dbt would render.</summary>
public sealed class DbtResolverTests : IDisposable
{
    private static readonly DbtTarget Target = new("db", "analytics");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "smg-dbt-resolver-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    public DbtResolverTests()
    {
        Write("dbt_project.yml", "name: p\nconfig-version: 2\nprofile: p\nmodel-paths: [\"models\"]\n");
        Write("models/sources.yml", """
            version: 2
            sources:
              - name: stripe
                database: "{{ var('stripe_database', target.database) }}"
                schema: "{{ var('stripe_schema', 'raw') }}"
                tables:
                  - { name: charges, identifier: charge }
            """);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_directory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public void Refs_sources_config_vars_and_literals_are_rendered_in_dependency_order()
    {
        Write("models/b.sql", "{{ config(materialized='table') }}\nSELECT '{{ '{%' }}' AS x FROM {{ ref('a') }}");
        Write("models/a.sql", "{{ config(materialized='view') }}\nSELECT * FROM {{ source('stripe', 'charges') }}");

        var project = DbtResolver.Resolve(_directory, Target);

        Assert.Empty(project.Problems);
        Assert.Equal(["a", "b"], project.Models.Select(m => m.Name));
        Assert.Equal("\nSELECT * FROM \"db\".\"raw\".\"charge\"", project.Models[0].Sql);
        Assert.Equal("\nSELECT '{%' AS x FROM \"analytics\".\"a\"", project.Models[1].Sql);
        Assert.Equal(["view", "table"], project.Models.Select(m => m.Materialized));

        var overridden = DbtResolver.Resolve(_directory, Target, new Dictionary<string, string> { ["stripe_schema"] = "stripe_sigma" });
        Assert.Equal("\nSELECT * FROM \"db\".\"stripe_sigma\".\"charge\"", overridden.Models[0].Sql);
    }

    [Fact]
    public void Unknown_refs_undeclared_sources_cycles_and_bad_materialisations_are_problems()
    {
        Write("models/a.sql", "{{ config(materialized='view') }}\nSELECT * FROM {{ ref('b') }} JOIN {{ ref('missing') }}");
        Write("models/b.sql", "{{ config(materialized='view') }}\nSELECT * FROM {{ ref('a') }} JOIN {{ source('stripe', 'refunds') }}");
        Write("models/c.sql", "{{ config(materialized='incremental') }}\nSELECT 1");
        Write("models/schema.yml", """
            version: 2
            models:
              - name: a
                columns:
                  - name: id
                    data_tests:
                      - relationships:
                          arguments: { to: "ref('nowhere')", field: id }
              - name: ghost
            """);

        var project = DbtResolver.Resolve(_directory, Target);

        Assert.Equal(
            [
                "models/a.sql: ref('missing') names no model",
                "models/b.sql: source('stripe', 'refunds') is not declared",
                "models/c.sql: materialized must be view or table, not incremental",
                "models/schema.yml: the relationships test of a.id points to `ref('nowhere')`, which is no model",
                "ref cycle: a -> b -> a",
                "schema files describe model ghost, which does not exist",
            ],
            project.Problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Jinja_statements_are_refused()
    {
        Write("models/a.sql", "{% if true %}SELECT 1{% endif %}");

        Assert.Throws<FormatException>(() => DbtResolver.Resolve(_directory, Target));
    }
}
