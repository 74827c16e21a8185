namespace StripeModelGen.Compiler.Tests.Cli;

/// <summary>
/// A small project for the <c>compile</c> and <c>query</c> commands: two views (charges with money and
/// a time dimension, customers), an explore joining them, one saved query and one dashboard whose tile
/// listens to a filter without default (so it expects the bind parameter <c>customer</c>).
/// </summary>
internal static class CompileTestModel
{
    public const string ProjectFile = """
        name: t
        default_source: sigma
        """;

    public const string Source = """
        sources:
          - name: sigma
            schema: stripe
            tables: [{ name: charges }, { name: customers }]
        """;

    public const string Views = """
        views:
          - name: charges
            table: charges
            dimensions:
              - { name: id, primary_key: true }
              - { name: customer_id }
              - { name: status }
              - { name: currency }
              - { name: amount, type: money }
              - { name: created, type: time, timeframes: [raw, date, month] }
            measures:
              - { name: count, type: count }
              - { name: gross, type: sum, sql: "${amount}", filters: [{ field: status, value: succeeded }] }
          - name: customers
            table: customers
            dimensions:
              - { name: id, primary_key: true }
              - { name: email }
        explores:
          - name: charges
            joins:
              - { view: customers, sql_on: "${charges.customer_id} = ${customers.id}", relationship: many_to_one }
        """;

    public const string Queries = """
        queries:
          - name: gross_by_currency
            explore: charges
            fields: [charges.currency, charges.gross]
        """;

    public const string Dashboards = """
        dashboards:
          - name: lookup
            filters:
              - { name: customer, field: customers.id }
            tiles:
              - name: recent
                explore: charges
                fields: [charges.id, charges.created_date, charges.amount, charges.currency]
                listen: { customer: customers.id }
                layout: { row: 0, col: 0, width: 24, height: 6 }
        """;

    /// <summary>Every file the command writes for <see cref="Create"/>, in ordinal order.</summary>
    public static readonly string[] OutputFiles =
    [
        "manifest.json",
        "queries/gross_by_currency.sql",
        "tiles/lookup/recent.sql",
        "views/charges.sql",
        "views/customers.sql",
    ];

    /// <summary>The project in a fresh temporary directory (<c>proj/</c> under <see cref="TempProject.Root"/>).</summary>
    public static TempProject Create()
    {
        var project = TempProject.Create(
            ("sources/sigma.yml", Source),
            ("views/model.yml", Views),
            ("queries/queries.yml", Queries),
            ("dashboards/lookup.yml", Dashboards));
        project.Write("project.yml", ProjectFile);
        return project;
    }

    /// <summary>Every file below <paramref name="directory"/>, by path relative to it (with <c>/</c>), with its bytes.</summary>
    public static SortedDictionary<string, byte[]> ReadTree(string directory)
    {
        var tree = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            tree.Add(Path.GetRelativePath(directory, file).Replace('\\', '/'), File.ReadAllBytes(file));
        return tree;
    }

    /// <summary>Asserts two trees hold the same paths with the same bytes, naming the first difference.</summary>
    public static void AssertSameTree(IReadOnlyDictionary<string, byte[]> expected, IReadOnlyDictionary<string, byte[]> actual, string what)
    {
        Assert.True(expected.Keys.SequenceEqual(actual.Keys, StringComparer.Ordinal), $"{what}: the files differ\nexpected: {string.Join(", ", expected.Keys)}\nactual:   {string.Join(", ", actual.Keys)}");
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{what}: {path} differs");
    }
}
