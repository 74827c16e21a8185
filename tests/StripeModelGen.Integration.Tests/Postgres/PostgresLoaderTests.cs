using Npgsql;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Postgres;
using StripeModelGen.Execution.Running;
using StripeModelGen.Execution.Schema;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Postgres;

public sealed class PostgresLoaderTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Every_table_is_loaded_with_every_Sigma_column_and_all_its_rows()
    {
        var database = await fixture.GetDatabaseAsync();

        foreach (var table in database.Dataset.Tables)
        {
            var count = await Db.QueryAsync(database.ConnectionString, $"SELECT count(*) FROM stripe.\"{table.Name}\"");
            Assert.Equal((long)table.Rows.Count, count.Rows[0][0]);

            var columns = await Db.QueryAsync(database.ConnectionString,
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'stripe' AND table_name = @table ORDER BY ordinal_position",
                new Dictionary<string, object?> { ["table"] = table.Name });
            var sigma = PostgresLoader.LoadableColumns(SigmaSchema.Instance.GetTable(table.Name));
            Assert.Equal(sigma.Select(c => c.Name), columns.Column("column_name"));
            var expectedTypes = sigma.Select(c => c.Type switch
            {
                SigmaType.Varchar => "character varying",
                SigmaType.Bigint => "bigint",
                SigmaType.Double => "double precision",
                SigmaType.Boolean => "boolean",
                _ => "timestamp without time zone",
            });
            Assert.Equal(expectedTypes, columns.Column("data_type"));
        }
        Assert.Equal(database.Dataset.Tables.Select(t => (t.Name, t.Rows.Count)), database.Load.Tables);
    }

    [Fact]
    public void Sigma_columns_longer_than_the_identifier_limit_are_left_out()
    {
        var subscriptions = SigmaSchema.Instance.GetTable("subscriptions");

        var omitted = subscriptions.Columns.Except(PostgresLoader.LoadableColumns(subscriptions)).ToList();

        Assert.Equal(12, omitted.Count);
        Assert.All(omitted, c => Assert.StartsWith("payment_settings_payment_method_options_", c.Name, StringComparison.Ordinal));
        Assert.All(SigmaSchema.Instance.Tables.Where(t => t.Name != "subscriptions"), t => Assert.Equal(t.Columns, PostgresLoader.LoadableColumns(t)));
    }

    [Fact]
    public async Task Every_value_reads_back_as_it_was_generated()
    {
        var database = await fixture.GetDatabaseAsync();

        foreach (var table in database.Dataset.Tables)
        {
            var columns = string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""));
            var result = await Db.QueryAsync(database.ConnectionString, $"SELECT {columns} FROM stripe.\"{table.Name}\"");

            // Rows are matched on the table's key (id, or e.g. invoice_id and id), rendered the same way on both sides.
            var keyIndexes = table.Key.Select(k => table.Columns.ToList().IndexOf(k)).ToList();
            string KeyOf(IReadOnlyList<object?> values) => string.Join("|", keyIndexes.Select(i => ResultTable.FormatValue(values[i])));
            var expected = table.Rows
                .Select(row => (Key: table.KeyOf(row), Row: row))
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .ToList();
            var actual = result.Rows.Select(r => (Key: KeyOf(r), Row: r)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Key, actual[i].Key);
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var want = table.Columns[c].GetValue(expected[i].Row);
                    var got = actual[i].Row[c];
                    if (!Equals(want, got))
                        Assert.Fail($"{table.Name}.{table.Columns[c].Name} of {expected[i].Key}: generated {ResultTable.FormatValue(want)}, loaded {ResultTable.FormatValue(got)}");
                }
            }
        }
    }

    [Fact]
    public async Task Loading_again_replaces_the_tables()
    {
        var database = await fixture.GetDatabaseAsync();
        const string schema = "smg_reload_check";
        var small = database.Dataset;

        await PostgresLoader.LoadAsync(database.ConnectionString, small, schema, TestContext.Current.CancellationToken);
        var other = SampleData.Generate(5, 1);
        var summary = await PostgresLoader.LoadAsync(database.ConnectionString, other, schema, TestContext.Current.CancellationToken);

        var counts = await Db.QueryAsync(database.ConnectionString,
            $"SELECT (SELECT count(*) FROM {schema}.charges), (SELECT count(*) FROM {schema}.customers), (SELECT min(id) FROM {schema}.customers)");
        Assert.Equal((long)other.Charges.Count, counts.Rows[0][0]);
        Assert.Equal((long)other.Customers.Count, counts.Rows[0][1]);
        Assert.Equal(other.Customers.Select(c => c.Id).Min(StringComparer.Ordinal), counts.Rows[0][2]);
        Assert.Equal(schema, summary.Schema);
        await Db.QueryAsync(database.ConnectionString, $"DROP SCHEMA {schema} CASCADE");
    }

    [Fact]
    public async Task The_primary_key_of_id_tables_is_enforced()
    {
        var database = await fixture.GetDatabaseAsync();

        var error = await Assert.ThrowsAsync<SqlExecutionException>(() => Db.QueryAsync(database.ConnectionString,
            "BEGIN; INSERT INTO stripe.customers (id) SELECT id FROM stripe.customers LIMIT 1; ROLLBACK;"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Fact]
    public void The_create_statement_quotes_names_and_maps_types()
    {
        var sql = PostgresLoader.CreateTableSql("stripe", SigmaSchema.Instance.GetTable("exchange_rates_from_usd"));

        Assert.Equal("DROP TABLE IF EXISTS \"stripe\".\"exchange_rates_from_usd\" CASCADE;\nCREATE TABLE \"stripe\".\"exchange_rates_from_usd\" (\n"
            + "    \"date\" timestamp,\n    \"sell_currency\" varchar,\n    \"buy_currency_exchange_rates\" varchar\n)", sql);
    }
}
