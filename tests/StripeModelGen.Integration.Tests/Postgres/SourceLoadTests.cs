using StripeModelGen.Execution.Datasets.Sources;
using StripeModelGen.Execution.Postgres;
using StripeModelGen.Execution.Running;
using StripeModelGen.Execution.Schema;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Postgres;

/// <summary>
/// The Segment and Fivetran layouts load into their schemas with exactly their tables and columns,
/// and the business facts read from the three schemas agree.
/// </summary>
public sealed class SourceLoadTests(PostgresFixture fixture)
{
    [Theory]
    [InlineData("segment")]
    [InlineData("fivetran")]
    public async Task Each_source_loads_its_tables_columns_and_rows(string source)
    {
        var database = await fixture.GetDatabaseAsync();
        var load = await fixture.GetSourceAsync(source);
        var shaped = SourceShape.Find(source)!.Apply(database.Dataset);

        Assert.Equal(source, load.Schema);
        Assert.Equal(shaped.Tables.Select(t => (t.Name, t.Rows.Count)), load.Tables);
        var tables = await Db.QueryAsync(database.ConnectionString,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema ORDER BY table_name COLLATE \"C\"",
            new Dictionary<string, object?> { ["schema"] = source });
        Assert.Equal(shaped.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), tables.Column("table_name"));
        foreach (var table in shaped.Tables)
        {
            var count = await Db.QueryAsync(database.ConnectionString, $"SELECT count(*) FROM {source}.\"{table.Name}\"");
            Assert.Equal((long)table.Rows.Count, count.Rows[0][0]);
            var columns = await Db.QueryAsync(database.ConnectionString,
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table ORDER BY ordinal_position",
                new Dictionary<string, object?> { ["schema"] = source, ["table"] = table.Name });
            Assert.Equal(table.Columns.Select(c => c.Name), columns.Column("column_name"));
            Assert.Equal(table.Columns.Select(c => c.Type switch
            {
                SigmaType.Varchar => "character varying",
                SigmaType.Bigint => "bigint",
                SigmaType.Double => "double precision",
                SigmaType.Boolean => "boolean",
                _ => "timestamp without time zone",
            }), columns.Column("data_type"));
        }
    }

    [Fact]
    public async Task Succeeded_and_refunded_charge_amounts_per_currency_are_the_same_in_all_three_schemas()
    {
        var connection = await LoadAllAsync();
        const string Sql = "SELECT currency, sum(amount) FILTER (WHERE status = 'succeeded'), sum(amount_refunded), count(*) FROM {0} GROUP BY currency ORDER BY currency COLLATE \"C\"";

        var sigma = await Db.QueryAsync(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, "stripe.charges"));
        Assert.Equal(Rows(sigma), Rows(await Db.QueryAsync(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, "segment.charges"))));
        Assert.Equal(Rows(sigma), Rows(await Db.QueryAsync(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, "fivetran.charge"))));
        Assert.Equal(6, sigma.Rows.Count);
    }

    [Fact]
    public async Task Invoices_lines_subscriptions_and_payouts_agree_across_sources()
    {
        var connection = await LoadAllAsync();

        await AgreeAsync(connection,
            "SELECT status, currency, count(*), sum(total), sum(amount_due) FROM stripe.invoices GROUP BY 1, 2 ORDER BY 1, 2",
            "SELECT status, currency, count(*), sum(total), sum(amount_due) FROM segment.invoices GROUP BY 1, 2 ORDER BY 1, 2",
            "SELECT status, currency, count(*), sum(total), sum(amount_due) FROM fivetran.invoice GROUP BY 1, 2 ORDER BY 1, 2");
        // Line items: Sigma leaves `subscription` blank on some subscription lines; the other sources have it.
        await AgreeAsync(connection,
            "SELECT coalesce(subscription, CASE WHEN source_type = 'subscription' THEN source_id END) AS s, count(*), sum(amount) FROM stripe.invoice_line_items GROUP BY 1 ORDER BY 1 NULLS FIRST",
            "SELECT subscription_id, count(*), sum(amount) FROM segment.invoice_lines GROUP BY 1 ORDER BY 1 NULLS FIRST",
            "SELECT subscription_id, count(*), sum(amount) FROM fivetran.invoice_line_item GROUP BY 1 ORDER BY 1 NULLS FIRST");
        // Current subscriptions: Fivetran's history keeps old versions, the active row is the current one.
        await AgreeAsync(connection,
            "SELECT status, count(*), min(start_date) FROM stripe.subscriptions GROUP BY 1 ORDER BY 1",
            "SELECT status, count(*), min(start) FROM segment.subscriptions GROUP BY 1 ORDER BY 1",
            "SELECT status, count(*), min(start_date) FROM fivetran.subscription_history WHERE _fivetran_active GROUP BY 1 ORDER BY 1");
        await AgreeAsync(connection,
            "SELECT currency, status, count(*), sum(amount) FROM stripe.transfers GROUP BY 1, 2 ORDER BY 1, 2",
            "SELECT currency, status, count(*), sum(amount) FROM segment.transfers GROUP BY 1, 2 ORDER BY 1, 2",
            "SELECT currency, status, count(*), sum(amount) FROM fivetran.payout GROUP BY 1, 2 ORDER BY 1, 2");
        await AgreeAsync(connection,
            "SELECT currency, type, sum(net), count(*) FROM stripe.balance_transactions GROUP BY 1, 2 ORDER BY 1, 2",
            "SELECT currency, type, sum(net), count(*) FROM segment.balance_transactions GROUP BY 1, 2 ORDER BY 1, 2",
            "SELECT currency, type, sum(net), count(*) FROM fivetran.balance_transaction GROUP BY 1, 2 ORDER BY 1, 2");
        // Payout reconciliation through Fivetran's bridge table gives Sigma's automatic_transfer_id sums.
        await AgreeAsync(connection,
            "SELECT automatic_transfer_id, sum(net) FROM stripe.balance_transactions WHERE automatic_transfer_id IS NOT NULL GROUP BY 1 ORDER BY 1",
            "SELECT p.payout_id, sum(b.net) FROM fivetran.payout_balance_transaction p JOIN fivetran.balance_transaction b ON b.id = p.balance_transaction_id GROUP BY 1 ORDER BY 1");
        // Discounts: Sigma's epoch `end` is a timestamp elsewhere.
        await AgreeAsync(connection,
            "SELECT id, to_timestamp(\"end\") AT TIME ZONE 'UTC', created FROM stripe.discounts ORDER BY id",
            "SELECT id, \"_end\", start FROM segment.discounts ORDER BY id",
            "SELECT id, \"end\", start FROM fivetran.discount ORDER BY id");
        await AgreeAsync(connection,
            "SELECT s.customer_id, sum(i.quantity), count(*) FROM stripe.subscription_items i JOIN stripe.subscriptions s ON s.id = i.subscription_id GROUP BY 1 ORDER BY 1",
            "SELECT s.customer_id, sum(i.quantity), count(*) FROM segment.subscription_items i JOIN segment.subscriptions s ON s.id = i.subscription_id GROUP BY 1 ORDER BY 1",
            "SELECT s.customer_id, sum(i.quantity), count(*) FROM fivetran.subscription_item i JOIN fivetran.subscription_history s ON s.id = i.subscription_id AND s._fivetran_active GROUP BY 1 ORDER BY 1");
    }

    [Fact]
    public async Task Sigma_only_tables_are_absent_from_the_other_sources()
    {
        var connection = await LoadAllAsync();

        var missing = await Db.QueryAsync(connection,
            "SELECT to_regclass('segment.prices') IS NULL, to_regclass('segment.subscription_item_change_events') IS NULL, to_regclass('fivetran.promotion_code') IS NULL, "
            + "to_regclass('fivetran.exchange_rates_from_usd') IS NULL, to_regclass('stripe.subscription_item_change_events') IS NULL");
        Assert.Equal(new object?[] { true, true, true, true, false }, missing.Rows[0]);
    }

    [Fact]
    public async Task A_source_loads_into_a_schema_of_its_own_choosing_and_a_bad_source_is_refused()
    {
        var database = await fixture.GetDatabaseAsync();
        const string Schema = "smg_segment_demo";

        var load = await PostgresLoader.LoadSourceAsync(database.ConnectionString, database.Dataset, "segment", Schema, TestContext.Current.CancellationToken);

        Assert.Equal(Schema, load.Schema);
        var lines = await Db.QueryAsync(database.ConnectionString, $"SELECT count(*) FROM {Schema}.invoice_lines");
        Assert.Equal((long)database.Dataset.InvoiceLineItems.Count, lines.Rows[0][0]);
        await Db.QueryAsync(database.ConnectionString, $"DROP SCHEMA {Schema} CASCADE");
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresLoader.LoadSourceAsync(database.ConnectionString, database.Dataset, "stitch", null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("segment", "invoice_lines")]
    [InlineData("fivetran", "subscription_history")]
    public async Task A_source_gets_a_database_of_its_own_with_its_tables_in_schema_stripe(string source, string table)
    {
        var database = await fixture.GetDatabaseAsync();

        var connection = await fixture.GetSourceDatabaseAsync(source);

        Assert.NotEqual(database.ConnectionString, connection);
        Assert.Same(connection, await fixture.GetSourceDatabaseAsync(source));
        var found = await Db.QueryAsync(connection, $"SELECT to_regclass('stripe.{table}') IS NOT NULL, to_regclass('stripe.exchange_rates_from_usd') IS NULL, (SELECT count(*) FROM stripe.{table}) > 0");
        Assert.Equal(new object?[] { true, true, true }, found.Rows[0]);
    }

    private async Task<string> LoadAllAsync()
    {
        var database = await fixture.GetDatabaseAsync();
        await fixture.GetSourceAsync("segment");
        await fixture.GetSourceAsync("fivetran");
        return database.ConnectionString;
    }

    private static async Task AgreeAsync(string connection, string sigma, params string[] others)
    {
        var expected = Rows(await Db.QueryAsync(connection, sigma));
        Assert.NotEmpty(expected);
        foreach (var sql in others)
            Assert.Equal(expected, Rows(await Db.QueryAsync(connection, sql)));
    }

    private static List<string> Rows(ResultTable table) => [.. table.Rows.Select(r => string.Join(" | ", r.Select(ResultTable.FormatValue)))];
}
