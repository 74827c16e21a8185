using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Syntax;

/// <summary>The structure reader: what it hands the binder, and how its messages read. Spans are covered by the corpus.</summary>
public sealed class ModelFileReaderTests
{
    private static (ModelFileSyntax File, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var file = ModelFileReader.ReadModelFile(new SourceText("m.yml", text), diagnostics);
        return (file, diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void Objects_keep_file_order_and_their_values()
    {
        var (file, diagnostics) = Read("""
            views:
              - name: b
                table: tb
                dimensions:
                  - { name: id, type: string, primary_key: true, sql_postgres: "${TABLE}.id::text" }
                measures:
                  - name: n
                    type: count
                    filters: [{ field: id, value: "-NULL" }]
              - name: a
            queries:
              - { name: q, explore: b, fields: [b.id], sorts: [b.id desc], limit: 5 }
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(["b", "a"], file.Views.Select(v => v.Name.Value));
        var dimension = Assert.Single(file.Views[0].Dimensions);
        Assert.Equal("postgres", Assert.Single(dimension.DialectSql).Dialect);
        var filter = Assert.Single(Assert.Single(file.Views[0].Measures).Filters);
        Assert.Equal(("id", "-NULL"), (filter.Field.Value, filter.Value.Value));
        var sort = Assert.Single(Assert.Single(file.Queries).Query.Sorts);
        Assert.Equal(("b.id", true), (sort.Field, sort.Descending));
    }

    [Fact]
    public void Messages_name_the_object_by_its_name_when_it_has_one()
    {
        var (_, diagnostics) = Read("""
            views:
              - name: charges
                tabl: charges
                dimensions:
                  - { type: string, lable: x }
            """);

        Assert.Equal(
            [
                "Unknown key `tabl` in view `charges`; did you mean `table`?",
                "A dimension needs `name`",
                "Unknown key `lable` in a dimension; did you mean `label`?",
            ],
            diagnostics.Select(d => d.FullMessage));
    }

    [Fact]
    public void A_misspelled_required_key_is_one_diagnostic_not_two()
    {
        var (_, diagnostics) = Read("""
            explores:
              - name: charges
                veiw: charges
                joins:
                  - { viw: customers, sql_on: "x" }
            """);

        Assert.Equal(["SMG1013", "SMG1013"], diagnostics.Select(d => d.Id));
        Assert.Equal(["view", "view"], diagnostics.Select(d => d.Suggestion));
    }

    [Theory]
    [InlineData("dashboards:\n  - name: d\n    tiles:\n      - { name: t, type: line, explore: e, fields: [e.f] }\n", "chart")]
    [InlineData("dashboards:\n  - name: d\n    elements: []\n", "tiles")]
    [InlineData("dashboards:\n  - name: d\n    tiles:\n      - { name: t, explore: e, fields: [e.f], row: 0 }\n", "layout")]
    [InlineData("views:\n  - name: v\n    sql_table_name: stripe.charges\n", "table")]
    [InlineData("explores:\n  - name: e\n    joins:\n      - { name: c2, from: customers }\n", "view")]
    public void LookML_spellings_suggest_our_keys(string text, string suggestion)
    {
        var (_, diagnostics) = Read(text);
        var unknown = diagnostics.First(d => d.Id == "SMG1013");
        Assert.Equal(suggestion, unknown.Suggestion);
    }

    [Fact]
    public void Empty_values_of_required_keys_are_reported_and_the_object_dropped()
    {
        var (file, diagnostics) = Read("views:\n  - name: ''\n  - name:\n  - name: ok\n");

        Assert.Equal(["SMG1019", "SMG1019"], diagnostics.Select(d => d.Id));
        Assert.Equal("`name` of a view cannot be empty", diagnostics[0].Message);
        Assert.Equal("ok", Assert.Single(file.Views).Name.Value);
    }

    [Fact]
    public void A_filter_value_may_be_an_empty_quoted_string_but_not_missing()
    {
        var (file, diagnostics) = Read("""
            explores:
              - name: e
                always_filter:
                  - { field: e.created_date, value: "" }
                  - { field: e.status, value: }
            """);

        var filter = Assert.Single(Assert.Single(file.Explores).AlwaysFilter);
        Assert.Equal(string.Empty, filter.Value.Value);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("`value` of the filter on `e.status` cannot be empty", diagnostic.Message);
    }

    [Fact]
    public void Unknown_top_level_keys_are_reported_once()
    {
        var (_, diagnostics) = Read("view: []\nname: x\n");

        Assert.Equal(["SMG1020", "SMG1021"], diagnostics.Select(d => d.Id));
        Assert.Equal("views", diagnostics[0].Suggestion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    public void Empty_files_are_a_warning(string text)
    {
        var (file, diagnostics) = Read(text);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "SMG0006"), (diagnostic.Severity, diagnostic.Id));
        Assert.Empty(file.Views);
    }

    [Fact]
    public void An_empty_project_file_needs_a_name()
    {
        var diagnostics = new DiagnosticBag();
        var project = ModelFileReader.ReadProject(new SourceText("project.yml", "# to do\n"), diagnostics);

        Assert.NotNull(project);
        Assert.Null(project.Name);
        Assert.Equal("The project file needs `name`", Assert.Single(diagnostics.ToImmutableSorted()).Message);
    }

    [Fact]
    public void A_project_file_with_a_yaml_error_reports_only_the_error()
    {
        var diagnostics = new DiagnosticBag();
        ModelFileReader.ReadProject(new SourceText("project.yml", "name: 'x\n"), diagnostics);

        Assert.Equal("SMG1001", Assert.Single(diagnostics.ToImmutableSorted()).Id);
    }
}
