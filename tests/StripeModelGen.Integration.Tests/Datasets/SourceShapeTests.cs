using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Datasets.Sources;
using StripeModelGen.Execution.Schema;

namespace StripeModelGen.Integration.Tests.Datasets;

/// <summary>The Segment and Fivetran layouts of the dataset: their tables, renamed columns, history rows, and the same rows as Sigma.</summary>
public sealed class SourceShapeTests
{
    private static readonly Lazy<SampleDataset> Sigma = new(() => SampleData.Generate(42, 1));
    private static readonly Lazy<ShapedDataset> Segment = new(() => SourceShape.Segment.Apply(Sigma.Value));
    private static readonly Lazy<ShapedDataset> Fivetran = new(() => SourceShape.Fivetran.Apply(Sigma.Value));

    [Fact]
    public void Segment_has_its_collections_and_nothing_it_lacks()
    {
        Assert.Equal(
            ["accounts", "balance_transactions", "charges", "coupons", "customers", "discounts", "disputes", "invoice_items", "invoice_lines",
             "invoices", "plans", "products", "refunds", "subscription_items", "subscriptions", "transfers"],
            Segment.Value.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(Segment.Value.Tables, t => Assert.Contains(t.Columns, c => c.Name == "received_at"));
    }

    [Fact]
    public void Fivetran_has_its_singular_tables_and_nothing_it_lacks()
    {
        Assert.Equal(
            ["account", "balance_transaction", "charge", "coupon", "customer", "discount", "dispute", "invoice", "invoice_item", "invoice_line_item",
             "payout", "payout_balance_transaction", "plan", "price", "product", "refund", "subscription_history", "subscription_item", "tier"],
            Fivetran.Value.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(Fivetran.Value.Tables, t => Assert.Contains(t.Columns, c => c.Name == "_fivetran_synced"));
    }

    [Theory]
    [InlineData("segment")]
    [InlineData("fivetran")]
    public void Every_table_has_the_rows_of_its_Sigma_table_and_only_Sigma_facts(string source)
    {
        var shaped = source == "segment" ? Segment.Value : Fivetran.Value;
        var shape = SourceShape.Find(source)!;
        foreach (var table in shaped.Tables)
        {
            var sigma = Sigma.Value.GetTable(table.Logical);
            var expected = table.Name switch
            {
                "subscription_history" => table.Rows.Count, // checked below
                "payout_balance_transaction" => Sigma.Value.BalanceTransactions.Count(t => t.AutomaticTransferId is not null),
                _ => sigma.Rows.Count,
            };
            Assert.Equal(expected, table.Rows.Count);
            Assert.Same(shape.FindTable(table.Name)!.Columns, table.Columns);
            Assert.Equal(table.Columns.Count, table.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
            foreach (var column in table.Columns.Where(c => c.From is not null))
            {
                // A column read from Sigma is one the dataset fills (or shaping would have thrown) with Sigma's type, or an epoch bigint turned into a timestamp.
                var sigmaColumn = SigmaSchema.Instance.GetTable(table.Logical).FindColumn(column.From!)!;
                Assert.True(sigmaColumn.Type == column.Type || (sigmaColumn.Type == SigmaType.Bigint && column.Type == SigmaType.Timestamp), $"{table.Name}.{column.Name}");
                Assert.Contains(sigma.Columns, c => c.Name == column.From);
            }
        }
    }

    [Fact]
    public void Renamed_and_converted_columns_hold_the_Sigma_values()
    {
        var d = Sigma.Value;
        var lines = Segment.Value.GetTable("invoice_lines");
        int Col(ShapedTable table, string name) => table.Columns.ToList().FindIndex(c => c.Name == name);

        // invoice_lines: the API's subscription (Sigma leaves it blank on some subscription lines), item_id, type.
        for (var i = 0; i < d.InvoiceLineItems.Count; i++)
        {
            var line = d.InvoiceLineItems[i];
            Assert.Equal(line.Subscription ?? (line.SourceType == "subscription" ? line.SourceId : null), lines.Rows[i][Col(lines, "subscription_id")]);
            Assert.Equal((line.InvoiceItemId, line.SourceType == "subscription" ? "Subscription" : "InvoiceItem"), (lines.Rows[i][Col(lines, "item_id")], lines.Rows[i][Col(lines, "type")]));
        }
        Assert.DoesNotContain(lines.Rows, r => (string)r[Col(lines, "type")]! == "Subscription" && r[Col(lines, "subscription_id")] is null);

        // discounts: the epoch `end` as a timestamp named _end, `created` as start.
        var discounts = Segment.Value.GetTable("discounts");
        for (var i = 0; i < d.Discounts.Count; i++)
        {
            Assert.Equal(d.Discounts[i].End is { } end ? DateTime.UnixEpoch.AddSeconds(end) : null, discounts.Rows[i][Col(discounts, "_end")]);
            Assert.Equal(d.Discounts[i].Created, discounts.Rows[i][Col(discounts, "start")]);
        }
        var subscriptions = Segment.Value.GetTable("subscriptions");
        Assert.Equal(d.Subscriptions.Select(s => (object?)s.StartDate), subscriptions.Rows.Select(r => r[Col(subscriptions, "start")]));
        Assert.Equal(d.Subscriptions.Select(s => (object?)s.StartDate), subscriptions.Rows.Select(r => r[Col(subscriptions, "start_date")]));
        Assert.Equal(d.Subscriptions.Select(s => s.Discounts?.Split(',')[0]), subscriptions.Rows.Select(r => (string?)r[Col(subscriptions, "discount_id")]));

        var items = Fivetran.Value.GetTable("subscription_item");
        Assert.Equal(d.SubscriptionItems.Select(i => (object?)DateTime.UnixEpoch.AddSeconds(i.Created)), items.Rows.Select(r => r[Col(items, "created")]));
        var unique = Fivetran.Value.GetTable("invoice_line_item");
        Assert.Equal(unique.Rows.Count, unique.Rows.Select(r => (string)r[Col(unique, "unique_id")]!).Distinct(StringComparer.Ordinal).Count());
        var transactions = Fivetran.Value.GetTable("balance_transaction");
        Assert.Equal(d.BalanceTransactions.Select(t => (t.SourceId, t.AutomaticTransferId)),
            transactions.Rows.Select(r => ((string)r[Col(transactions, "source")]!, (string?)r[Col(transactions, "payout_id")])));
    }

    [Fact]
    public void Fivetran_subscription_history_has_one_active_row_per_subscription_and_older_versions()
    {
        var d = Sigma.Value;
        var history = Fivetran.Value.GetTable("subscription_history");
        int Col(string name) => history.Columns.ToList().FindIndex(c => c.Name == name);

        var rows = history.Rows.GroupBy(r => (string)r[Col("id")]!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.Equal(d.Subscriptions.Count, rows.Count);
        foreach (var subscription in d.Subscriptions)
        {
            var versions = rows[subscription.Id];
            var active = Assert.Single(versions, r => (bool)r[Col("_fivetran_active")]!);
            Assert.Equal(subscription.Status, active[Col("status")]);
            Assert.Equal(subscription.CanceledAt, active[Col("canceled_at")]);
            Assert.Same(active, versions[^1]);
            Assert.All(versions.SkipLast(1), old =>
            {
                Assert.True((DateTime)old[Col("_fivetran_synced")]! < (DateTime)active[Col("_fivetran_synced")]!);
                Assert.Contains(old[Col("status")], new object[] { "trialing", "active" });
                Assert.Null(old[Col("ended_at")]);
            });
        }
        Assert.True(history.Rows.Count > d.Subscriptions.Count);
        Assert.Contains(rows.Values, v => v.Count == 3); // trialing, then active, then canceled
    }

    [Fact]
    public void The_default_schema_of_each_source_is_the_one_the_shipped_model_reads()
    {
        Assert.Equal(["sigma", "segment", "fivetran"], SourceShape.Names);
        Assert.Equal("stripe", SourceShape.DefaultSchemaFor("sigma"));
        Assert.Equal("segment", SourceShape.DefaultSchemaFor("segment"));
        Assert.Equal("fivetran", SourceShape.DefaultSchemaFor("fivetran"));
        Assert.Null(SourceShape.Find("sigma"));
        Assert.Null(SourceShape.Find("stitch"));
    }
}
