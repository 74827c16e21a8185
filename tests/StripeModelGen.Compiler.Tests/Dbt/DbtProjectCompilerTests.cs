using System.Text.RegularExpressions;
using StripeModelGen.Compiler.Emit.Dbt;
using YamlDotNet.RepresentationModel;

namespace StripeModelGen.Compiler.Tests.Dbt;

/// <summary>
/// The dbt project's content: staging does the source's renames and epoch conversions once and the views
/// read logical names; derived views are models; materialisations; query models; sources.yml variables;
/// data tests; Jinja escaping; and the same lowering as <c>compile</c>, with only the relations replaced.
/// </summary>
public sealed class DbtProjectCompilerTests
{
    private static string Sql(DbtProject project, string model) => project.Models.Single(m => m.Name == model).Text;

    /// <summary>The SQL after the header and the config() line.</summary>
    private static string Body(DbtProject project, string model)
    {
        var text = Sql(project, model);
        return text[(text.IndexOf("}}\n\n", StringComparison.Ordinal) + 4)..];
    }

    [Fact]
    public void Staging_converts_the_epoch_column_and_renames_once_and_the_view_reads_logical_names()
    {
        using var model = DbtTestModel.Create();
        var project = DbtTestModel.Compile(model);

        var staging = Body(project, "stg_stripe__charges");
        Assert.Contains("  (TO_TIMESTAMP(\"charges\".\"created_epoch\") AT TIME ZONE 'UTC') AS \"created\",\n", staging, StringComparison.Ordinal);
        Assert.Contains("  \"charges\".\"payment_intent_id\" AS \"payment_intent\",\n", staging, StringComparison.Ordinal);
        Assert.EndsWith("FROM {{ source('stripe', 'charges') }} AS \"charges\"\n", staging, StringComparison.Ordinal);

        var view = Body(project, "charges");
        Assert.Contains("  \"charges\".\"created\" AS \"created\",\n", view, StringComparison.Ordinal);
        Assert.Contains("  \"charges\".\"payment_intent\" AS \"payment_intent_id\",\n", view, StringComparison.Ordinal);
        Assert.Contains("FROM {{ ref('stg_stripe__charges') }} AS \"charges\"\n", view, StringComparison.Ordinal);
        Assert.All(project.Models.Where(m => m.Kind != DbtModelKind.Staging), m =>
        {
            Assert.DoesNotContain("TO_TIMESTAMP", m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("created_epoch", m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("payment_intent_id\" AS", m.Text.Replace("\"payment_intent\" AS \"payment_intent_id\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("source(", m.Text, StringComparison.Ordinal);
            Assert.Empty(m.Sources);
        });
        Assert.All(project.Models.Where(m => m.Kind == DbtModelKind.Staging), m => Assert.Equal([m.Name["stg_stripe__".Length..]], m.Sources));
    }

    [Fact]
    public void Staging_selects_the_columns_the_views_read_sorted_with_how_the_source_stores_them()
    {
        using var model = DbtTestModel.Create();
        var project = DbtTestModel.Compile(model);

        var staging = project.Models.Single(m => m.Name == "stg_stripe__charges");
        Assert.Equal(["amount", "created", "currency", "customer_id", "description", "id", "payment_intent", "status"], staging.Columns.Select(c => c.Name));
        Assert.Equal("Stored as epoch seconds in `created_epoch`.", staging.Columns.Single(c => c.Name == "created").Description);
        Assert.Equal("The payment intent; {{ not Jinja }}. Stored as `payment_intent_id`.", staging.Columns.Single(c => c.Name == "payment_intent").Description);
        Assert.Equal("The `charge` table of source warehouse, as logical table `charges`: the columns the model reads, under the model's names, epoch integers as timestamps.", staging.Description);
    }

    [Fact]
    public void Every_sql_body_is_the_compiled_sql_with_only_the_relations_replaced()
    {
        using var model = DbtTestModel.Create();
        var project = DbtTestModel.Compile(model);
        var loaded = Compilation.LoadDirectory(model.ProjectDirectory);
        var compiled = Compilation.Compile(loaded.Model!, "postgres").Project!;

        // Views: compile's CREATE VIEW body, reading staging models by logical names instead of the tables.
        var view = Normalize(compiled.Artifacts.Single(a => a.Path == "views/customers.sql").Sql);
        Assert.Equal(
            view.Replace("CREATE OR REPLACE VIEW \"customers\" AS\n", string.Empty, StringComparison.Ordinal)
                .Replace("\"raw_stripe\".\"customers\"", "{{ ref('stg_stripe__customers') }}", StringComparison.Ordinal),
            Normalize(Body(project, "customers")));
        // Queries: the same statement, with view__field columns and no ORDER BY without a LIMIT.
        var query = Normalize(compiled.Artifacts.Single(a => a.Path == "queries/gross_by_currency.sql").Sql);
        Assert.Equal(
            Regex.Replace(query, "\nORDER BY [^\n]*", string.Empty)
                .Replace("\"raw_stripe\".\"charge\"", "{{ ref('stg_stripe__charges') }}", StringComparison.Ordinal)
                .Replace("\"charges.currency\"", "\"charges__currency\"", StringComparison.Ordinal)
                .Replace("\"charges.gross\"", "\"charges__gross\"", StringComparison.Ordinal),
            Normalize(Body(project, "query_gross_by_currency")));
        Assert.Contains("\nORDER BY \"charge_days__charge_count\" DESC NULLS LAST, \"charge_days__day\" NULLS LAST\nLIMIT 3\n", Body(project, "query_top_days"), StringComparison.Ordinal);
    }

    /// <summary>The SQL without compile's header line and final semicolon.</summary>
    private static string Normalize(string sql) =>
        string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith("-- ", StringComparison.Ordinal))).TrimEnd('\n', ';') + "\n";

    [Fact]
    public void Derived_views_are_models_and_their_rows_get_an_int_model_only_when_the_view_shows_them_differently()
    {
        using var model = DbtTestModel.Create();
        var project = DbtTestModel.Compile(model);

        // charge_days shows its rows as they are: one model, published as an MRR-kind query, read by ref().
        var days = project.Models.Single(m => m.Name == "charge_days");
        Assert.Equal((DbtModelKind.Mrr, "models/mrr/charge_days.sql", "table"), (days.Kind, days.Path, days.Materialized));
        Assert.Contains("FROM {{ ref('stg_stripe__charges') }} AS \"charges\"\nGROUP BY 1\n", days.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ORDER BY", days.Text, StringComparison.Ordinal);
        Assert.Equal(["charge_days"], project.Models.Single(m => m.Name == "query_top_days").Refs);
        Assert.DoesNotContain(project.Models, m => m.Name == "int_charge_days");

        // customer_totals shows money in major units: its rows (minor units) are int_customer_totals.
        var rows = project.Models.Single(m => m.Name == "int_customer_totals");
        Assert.Equal((DbtModelKind.Intermediate, "view"), (rows.Kind, rows.Materialized));
        Assert.Contains("  SUM(\"charges\".\"amount\") AS \"total\"\n", rows.Text, StringComparison.Ordinal);
        var totals = project.Models.Single(m => m.Name == "customer_totals");
        Assert.Equal(["int_customer_totals"], totals.Refs);
        Assert.Contains("CAST(\"customer_totals\".\"total\" AS NUMERIC) / COALESCE(\"customer_totals__currency\".\"factor\", 100) AS \"total\"", totals.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_and_tiles_are_tables_unless_they_read_the_current_date_and_tiles_needing_a_parameter_are_left_out()
    {
        using var model = DbtTestModel.Create();
        var project = DbtTestModel.Compile(model);

        Assert.Equal(
            [
                "charge_days Mrr table", "charges View view", "customer_totals View view", "customers View view", "int_customer_totals Intermediate view",
                "query_gross_by_currency Query table", "query_top_days Query table", "stg_stripe__charges Staging view", "stg_stripe__customers Staging view",
                "tile_overview__recent Tile view", "tile_overview__statuses Tile table",
            ],
            project.Models.Select(m => $"{m.Name} {m.Kind} {m.Materialized}").Order(StringComparer.Ordinal));
        Assert.Contains("CURRENT_TIMESTAMP", Sql(project, "tile_overview__recent"), StringComparison.Ordinal);
        Assert.Contains("{{ config(materialized='view') }}\n", Sql(project, "tile_overview__recent"), StringComparison.Ordinal);
        Assert.Contains("{{ config(materialized='table') }}\n", Sql(project, "tile_overview__statuses"), StringComparison.Ordinal);
        Assert.Contains("# Tiles without a model, because they need a value for a dashboard filter without a default:\n#   overview.lookup\n", project.Files["dbt_project.yml"], StringComparison.Ordinal);
        Assert.Equal(["charges__status", "charges__count"], project.Models.Single(m => m.Name == "tile_overview__statuses").Columns.Select(c => c.Name));
    }

    [Fact]
    public void As_of_an_instant_no_model_reads_the_clock_so_every_query_and_tile_is_a_table_and_every_header_says_so()
    {
        using var model = DbtTestModel.Create();
        var clock = DbtTestModel.Compile(model);
        var project = DbtTestModel.Compile(model, asOf: new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(clock.Files.Keys, project.Files.Keys);
        Assert.Equal(
            clock.Models.Select(m => $"{m.Name} {m.Kind} {(m.Name == "tile_overview__recent" ? "table" : m.Materialized)}"),
            project.Models.Select(m => $"{m.Name} {m.Kind} {m.Materialized}"));
        var recent = Sql(project, "tile_overview__recent");
        Assert.Contains("{{ config(materialized='table') }}\n", recent, StringComparison.Ordinal);
        Assert.DoesNotContain("CURRENT_TIMESTAMP", recent, StringComparison.Ordinal);
        Assert.Contains("\"charges\".\"created\" >= (DATE '2026-06-30' + (-29) * INTERVAL '1 day')", recent, StringComparison.Ordinal);
        Assert.StartsWith("-- tile overview.recent: generated by stripe-modelgen for postgres over source warehouse as of 2026-06-30T00:00:00Z; do not edit.\n", recent, StringComparison.Ordinal);
        foreach (var (path, text) in project.Files)
        {
            if (path != ".gitignore" || text.Contains("generated by", StringComparison.Ordinal))
                Assert.Contains(" over source warehouse as of 2026-06-30T00:00:00Z; do not edit.\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sources_yml_declares_the_source_tables_with_overridable_database_and_schema()
    {
        using var model = DbtTestModel.Create();
        var project = DbtTestModel.Compile(model);

        var sources = Yaml(project.Files["models/sources.yml"]);
        var source = (YamlMappingNode)((YamlSequenceNode)sources["sources"]).Single();
        Assert.Equal("stripe", Scalar(source, "name"));
        Assert.Equal("{{ var('stripe_database', target.database) }}", Scalar(source, "database"));
        Assert.Equal("{{ var('stripe_schema', 'raw_stripe') }}", Scalar(source, "schema"));
        // Quoted as compile quotes every identifier, so a source resolves to the same table on every engine.
        Assert.Equal(["database: true", "schema: true", "identifier: true"], ((YamlMappingNode)source["quoting"]).Select(p => $"{((YamlScalarNode)p.Key).Value}: {((YamlScalarNode)p.Value).Value}"));
        var tables = ((YamlSequenceNode)source["tables"]).Cast<YamlMappingNode>().ToList();
        Assert.Equal(["charges", "customers"], tables.Select(t => Scalar(t, "name")));
        Assert.Equal("charge", Scalar(tables[0], "identifier"));
        Assert.False(tables[1].Children.ContainsKey(new YamlScalarNode("identifier")));

        var other = DbtTestModel.Compile(model, source: "other");
        var otherSource = (YamlMappingNode)((YamlSequenceNode)Yaml(other.Files["models/sources.yml"])["sources"]).Single();
        Assert.Equal("{{ var('stripe_database', 'analytics') }}", Scalar(otherSource, "database"));
        Assert.Equal("{{ var('stripe_schema', target.schema) }}", Scalar(otherSource, "schema"));
    }

    [Fact]
    public void Schema_files_declare_keys_relationships_and_accepted_values()
    {
        using var model = DbtTestModel.Create();
        var project = DbtTestModel.Compile(model);

        var charges = project.Models.Single(m => m.Name == "charges");
        Assert.Equal(
            [
                "id: unique, not_null",
                "customer_id: relationships to customers.id (warn)",
                "status: accepted_values [succeeded, failed]",
            ],
            charges.Columns.Where(c => !c.Tests.IsEmpty).Select(c => $"{c.Name}: " + string.Join(", ", c.Tests.Select(Describe))));
        Assert.Equal(["day: unique, not_null"], project.Models.Single(m => m.Name == "charge_days").Columns.Where(c => !c.Tests.IsEmpty).Select(c => $"{c.Name}: " + string.Join(", ", c.Tests.Select(Describe))));

        var schema = Yaml(project.Files["models/views/schema.yml"]);
        var models = ((YamlSequenceNode)schema["models"]).Cast<YamlMappingNode>().ToList();
        Assert.Equal(["charges", "customer_totals", "customers"], models.Select(m => Scalar(m, "name")));
        var columns = ((YamlSequenceNode)models[0]["columns"]).Cast<YamlMappingNode>().ToList();
        Assert.Equal(charges.Columns.Select(c => c.Name), columns.Select(c => Scalar(c, "name")));
        var relationship = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)columns[1]["data_tests"]).Single())["relationships"];
        Assert.Equal("ref('customers')", Scalar((YamlMappingNode)relationship["arguments"], "to"));
        Assert.Equal("id", Scalar((YamlMappingNode)relationship["arguments"], "field"));
        Assert.Equal("warn", Scalar((YamlMappingNode)relationship["config"], "severity"));
        var accepted = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)columns[2]["data_tests"]).Single())["accepted_values"];
        Assert.Equal(["succeeded", "failed"], ((YamlSequenceNode)((YamlMappingNode)accepted["arguments"])["values"]).Select(v => ((YamlScalarNode)v).Value));
    }

    [Fact]
    public void Text_dbt_would_read_as_jinja_is_escaped()
    {
        using var model = DbtTestModel.Create();
        var project = DbtTestModel.Compile(model);

        Assert.Contains("\"charges\".\"description\" <> '{{ '{%' }}' AS \"is_big\"", Sql(project, "charges"), StringComparison.Ordinal);
        Assert.Contains("description: \"The payment intent; {{ '{{' }} not Jinja }}.\"", project.Files["models/views/schema.yml"], StringComparison.Ordinal);
        Assert.Equal("a {{ '{{' }} b {{ '{%' }} c {{ '{#' }} d } {", DbtNames.EscapeJinja("a {{ b {% c {# d } {"));
        Assert.Equal("{{ '{{' }}{", DbtNames.EscapeJinja("{{{"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("On", "\"On\"")]
    [InlineData("a: b", "\"a: b\"")]
    public void Names_are_plain_yaml_unless_yaml_would_read_them_otherwise(string name, string expected) =>
        Assert.Equal(expected, DbtTemplates.YamlName(name));

    [Fact]
    public void Yaml_strings_escape_quotes_backslashes_and_line_breaks()
    {
        Assert.Equal("\"say \\\"hi\\\" \\\\ now\\nthen\\u0007\"", DbtNames.YamlString("say \"hi\" \\ now\nthen\a"));
        var parsed = Yaml("k: " + DbtNames.YamlString("say \"hi\" \\ now\nthen: {x}") + "\n");
        Assert.Equal("say \"hi\" \\ now\nthen: {x}", ((YamlScalarNode)parsed["k"]).Value);
    }

    [Fact]
    public void Every_yaml_file_parses_and_the_project_file_names_the_project()
    {
        using var model = DbtTestModel.Create();
        var project = DbtTestModel.Compile(model);

        foreach (var (path, text) in project.Files.Where(f => f.Key.EndsWith(".yml", StringComparison.Ordinal)))
            Assert.True(Yaml(text).Children.Count > 0, path);
        var dbtProject = Yaml(project.Files["dbt_project.yml"]);
        Assert.Equal("t", Scalar(dbtProject, "name"));
        Assert.Equal("t", Scalar(dbtProject, "profile"));
        Assert.Equal("2", Scalar(dbtProject, "config-version"));
        Assert.Equal(["models"], ((YamlSequenceNode)dbtProject["model-paths"]).Select(n => ((YamlScalarNode)n).Value));
    }

    [Theory]
    [InlineData("stripe", "stripe")]
    [InlineData("My Project-2", "my_project_2")]
    [InlineData("9lives", "_9lives")]
    public void The_dbt_project_name_is_a_lower_case_identifier(string name, string expected) =>
        Assert.Equal(expected, DbtFiles.ProjectName(name));

    [Fact]
    public void Generating_twice_gives_the_same_files()
    {
        using var model = DbtTestModel.Create();

        var first = DbtTestModel.Compile(model);
        var second = DbtTestModel.Compile(model);

        Assert.Equal(first.Files, second.Files);
    }

    [Fact]
    public void The_templates_shipped_in_the_compiler_are_the_files_in_templates_dbt()
    {
        var onDisk = Directory.GetFiles(RepositoryRoot.Combine("templates", "dbt"), "*.hbs")
            .Select(f => Path.GetFileName(f)[..^".hbs".Length])
            .Where(n => n != "header")
            .Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, DbtTemplates.Names);
        Assert.True(File.Exists(RepositoryRoot.Combine("templates", "dbt", "header.hbs")));
    }

    [Fact]
    public void Constants_given_on_the_command_line_reach_the_models_that_read_them()
    {
        var directory = RepositoryRoot.Combine("models", "stripe");
        var exponentAware = Compilation.LoadDirectory(directory).Model!;
        var template = Compilation.LoadDirectory(directory, new CompilationOptions(Constants: System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(
            StringComparer.Ordinal, [KeyValuePair.Create("fx_conversion", "stripe_template")]))).Model!;

        var first = Compilation.CompileDbt(exponentAware, "postgres").Project!;
        var second = Compilation.CompileDbt(template, "postgres").Project!;

        var changed = first.Files.Where(f => second.Files[f.Key] != f.Value).Select(f => f.Key).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, path => Assert.StartsWith("models/views/mrr_", path, StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_model_generates_for_every_dialect()
    {
        var loaded = Compilation.LoadDirectory(RepositoryRoot.Combine("models", "stripe"));
        Assert.True(loaded.Model is not null, string.Join("\n", loaded.Diagnostics));
        foreach (var dialect in Compilation.Dialects)
        {
            var result = Compilation.CompileDbt(loaded.Model!, dialect);
            Assert.True(result.Project is not null, dialect + ":\n" + string.Join("\n", result.Diagnostics));
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
            Assert.Contains(result.Project!.Models, m => m.Name == "mrr_movements" && m.Kind == DbtModelKind.Mrr);
            Assert.All(result.Project.Models, m => Assert.Contains($" for {dialect} over source sigma; do not edit.", m.Text, StringComparison.Ordinal));
        }
    }

    private static string Describe(DbtColumnTest test) => test.Name switch
    {
        DbtColumnTest.Relationships => $"relationships to {test.To}.{test.Field}" + (test.Severity is null ? string.Empty : $" ({test.Severity})"),
        DbtColumnTest.AcceptedValues => $"accepted_values [{string.Join(", ", test.Values)}]",
        _ => test.Name,
    };

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
