using System.Text.Json;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Schema;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Datasets;

public sealed class SigmaSchemaTests
{
    public static TheoryData<string> DatasetTables => [.. SampleData.Generate(1, 1).Tables.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(DatasetTables))]
    public void Every_column_the_dataset_writes_exists_in_the_Sigma_table_with_the_same_type(string tableName)
    {
        var table = SampleData.Generate(1, 1).GetTable(tableName);
        var sigma = SigmaSchema.Instance.FindTable(tableName);

        Assert.NotNull(sigma);
        var problems = new List<string>();
        foreach (var column in table.Columns)
        {
            var expected = sigma.FindColumn(column.Name);
            if (expected is null)
                problems.Add($"{tableName}.{column.Name} (property {column.PropertyName}) is not a Sigma column");
            else if (expected.Type != column.Type)
                problems.Add($"{tableName}.{column.Name} is {SigmaSchema.TypeName(column.Type)} in the dataset but {SigmaSchema.TypeName(expected.Type)} in Sigma");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(DatasetTables))]
    public void Every_row_record_property_is_a_column_and_the_key_columns_are_filled(string tableName)
    {
        var table = SampleData.Generate(1, 1).GetTable(tableName);

        var properties = table.RowType.GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order(StringComparer.Ordinal);
        Assert.Equal(properties, table.Columns.Select(c => c.PropertyName).Order(StringComparer.Ordinal));
        Assert.NotEmpty(table.Key);
        foreach (var key in table.Key)
        {
            // The last tier of a price has no upper bound: Sigma's key column `upto` is null there.
            if (tableName == "price_tiers" && key.Name == "upto")
                Assert.All(table.Rows.Cast<PriceTierRow>().GroupBy(t => t.PriceId), tiers => Assert.Equal([.. Enumerable.Repeat(false, tiers.Count() - 1), true], tiers.Select(t => t.Upto is null)));
            else
                Assert.All(table.Rows, row => Assert.NotNull(key.GetValue(row)));
        }
        Assert.Equal(table.Rows.Count, table.Rows.Select(table.KeyOf).Distinct(StringComparer.Ordinal).Count());
        // Where Sigma flags a key, ours is that key or (for line items, whose ids repeat across invoices) includes it.
        var sigmaKey = SigmaSchema.Instance.GetTable(tableName).PrimaryKey.Select(c => c.Name).ToList();
        if (sigmaKey.Count > 0 && tableName != "subscription_items")
            Assert.Superset(sigmaKey.ToHashSet(StringComparer.Ordinal), table.Key.Select(c => c.Name).ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("StatusTransitionsPaidAt", "status_transitions_paid_at")]
    [InlineData("CardLast4", "card_last4")]
    [InlineData("AddressLine1", "address_line1")]
    [InlineData("Date", "date")]
    [InlineData("Id", "id")]
    public void Property_names_map_to_snake_case_columns(string property, string column)
    {
        Assert.Equal(column, SampleColumn.ToColumnName(property));
    }

    [Fact]
    public void The_embedded_fact_table_holds_the_tables_the_model_reads()
    {
        var schema = SigmaSchema.Instance;

        foreach (var name in new[] { "charges", "customers", "invoices", "invoice_line_items", "refunds", "subscriptions",
                     "disputes", "balance_transactions", "prices", "products", "subscription_items", "subscription_item_change_events", "exchange_rates_from_usd" })
            Assert.NotNull(schema.FindTable(name));
        Assert.Equal(SigmaType.Bigint, schema.GetTable("discounts").FindColumn("end")!.Type);
        Assert.Equal(SigmaType.Bigint, schema.GetTable("promotion_codes").FindColumn("expires_at")!.Type);
        Assert.Equal(SigmaType.Timestamp, schema.GetTable("invoices").FindColumn("status_transitions_finalized_at")!.Type);
        Assert.Equal(SigmaType.Bigint, schema.GetTable("subscription_items").FindColumn("created")!.Type); // an epoch bigint, not a timestamp
        Assert.Null(schema.GetTable("invoices").FindColumn("created")); // invoices use `date`
        Assert.Equal(["id"], schema.GetTable("charges").PrimaryKey.Select(c => c.Name));
    }

    [Fact]
    public void The_fact_table_rejects_malformed_lines()
    {
        Assert.Throws<FormatException>(() => SigmaSchema.Parse(new StringReader("charges\tid\tvarchar\n")));
        Assert.Throws<FormatException>(() => SigmaSchema.Parse(new StringReader("charges\tid\tuuid\tpk\n")));
        Assert.Throws<FormatException>(() => SigmaSchema.Parse(new StringReader("charges\tid\tvarchar\tpk\ncharges\tid\tvarchar\t-\n")));
    }

    /// <summary>
    /// The embedded copy must equal Stripe's published schema as kept in the shared reference
    /// (<c>../shared/reference/sigma-schema.json</c> next to the repository); on a clone without it
    /// the test has nothing to compare and is skipped.
    /// </summary>
    [Fact]
    public void The_embedded_fact_table_matches_the_shared_reference_schema()
    {
        var reference = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "reference", "sigma-schema.json"));
        if (!File.Exists(reference))
            Assert.Skip($"The shared reference {reference} is not present on this machine.");

        using var document = JsonDocument.Parse(File.ReadAllText(reference));
        var expected = new List<string>();
        foreach (var table in document.RootElement.GetProperty("tables").EnumerateArray())
        {
            foreach (var column in table.GetProperty("columns").EnumerateArray())
            {
                var pk = column.TryGetProperty("primary_key", out var flag) && flag.ValueKind == JsonValueKind.True;
                expected.Add($"{table.GetProperty("table").GetString()}\t{column.GetProperty("name").GetString()}\t{column.GetProperty("type").GetString()}\t{(pk ? "pk" : "-")}");
            }
        }
        var actual = SigmaSchema.Instance.Tables
            .SelectMany(t => t.Columns.Select(c => $"{t.Name}\t{c.Name}\t{SigmaSchema.TypeName(c.Type)}\t{(c.IsPrimaryKey ? "pk" : "-")}"))
            .ToList();
        Assert.Equal(expected, actual);
    }
}
