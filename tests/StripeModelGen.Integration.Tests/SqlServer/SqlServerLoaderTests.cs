using System.Data;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Schema;
using StripeModelGen.Execution.SqlServer;
using StripeModelGen.Integration.Tests.Postgres;

namespace StripeModelGen.Integration.Tests.SqlServer;

/// <summary>The SQL Server loader's SQL and bulk-copy rows, checked without a server; and, with one, the load itself.</summary>
public sealed class SqlServerLoaderTests(SqlServerFixture fixture)
{
    private static SampleDataset Data => SampleData.Generate(PostgresFixture.Seed, PostgresFixture.Scale);

    [Fact]
    public void Names_are_bracketed_with_the_closing_bracket_doubled()
    {
        Assert.Equal("[charges]", SqlServerLoader.Quote("charges"));
        Assert.Equal("[we]]ird [name]", SqlServerLoader.Quote("we]ird [name"));
        Assert.Equal("N'it''s'", SqlServerLoader.Literal("it's"));
    }

    [Fact]
    public void The_schema_is_created_only_when_missing_in_a_batch_of_its_own()
    {
        Assert.Equal("IF SCHEMA_ID(N'stripe') IS NULL EXEC(N'CREATE SCHEMA [stripe]')", SqlServerLoader.CreateSchemaSql("stripe"));
        Assert.Equal("IF SCHEMA_ID(N'o''brien') IS NULL EXEC(N'CREATE SCHEMA [o''brien]')", SqlServerLoader.CreateSchemaSql("o'brien"));
        Assert.Equal("DROP TABLE IF EXISTS [stripe].[charges]", SqlServerLoader.DropTableSql("stripe", "charges"));
    }

    [Theory]
    [InlineData(SigmaType.Varchar, "NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2")]
    [InlineData(SigmaType.Bigint, "BIGINT")]
    [InlineData(SigmaType.Double, "FLOAT")]
    [InlineData(SigmaType.Boolean, "BIT")]
    [InlineData(SigmaType.Timestamp, "DATETIME2")]
    public void Sigma_types_map_to_tsql_types(SigmaType type, string expected) => Assert.Equal(expected, SqlServerLoader.TypeName(type));

    [Fact]
    public void A_table_has_every_sigma_column_in_order_and_its_id_key()
    {
        var charges = SigmaSchema.Instance.GetTable("charges");

        var sql = SqlServerLoader.CreateTableSql("stripe", charges);

        var lines = sql.Split('\n');
        Assert.Equal("CREATE TABLE [stripe].[charges] (", lines[0]);
        Assert.Equal(")", lines[^1]);
        Assert.Equal("    PRIMARY KEY ([id])", lines[^2]);
        var columns = lines[1..^2].Select(l => l.Trim().TrimEnd(',')).ToList();
        Assert.Equal(charges.Columns.Select(c => c.Name), columns.Select(c => c[1..c.IndexOf(']', StringComparison.Ordinal)]));
        Assert.Contains("[id] NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL", columns);
        Assert.Contains("[amount] BIGINT", columns);
        Assert.Contains("[created] DATETIME2", columns);
        Assert.Contains("[paid] BIT", columns);
    }

    [Fact]
    public void A_table_without_an_id_key_has_no_primary_key()
    {
        var items = SigmaSchema.Instance.GetTable("invoice_line_items");
        var sql = SqlServerLoader.CreateTableSql("stripe", items);
        if (items.PrimaryKey is [{ Name: "id" }])
            Assert.Contains("PRIMARY KEY", sql, StringComparison.Ordinal);
        else
            Assert.DoesNotContain("PRIMARY KEY", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sigma_column_name_fits_sql_servers_limit()
    {
        foreach (var table in SigmaSchema.Instance.Tables)
            Assert.Equal(table.Columns, SqlServerLoader.LoadableColumns(table));
    }

    [Fact]
    public void The_bulk_copy_rows_are_the_dataset_rows_typed_with_nulls_as_dbnull()
    {
        var dataset = Data;
        foreach (var table in dataset.Tables)
        {
            using var rows = SqlServerLoader.ToDataTable(table);

            Assert.Equal(table.Columns.Select(c => c.Name), rows.Columns.Cast<DataColumn>().Select(c => c.ColumnName));
            Assert.Equal(table.Rows.Count, rows.Rows.Count);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var value = table.Columns[c].GetValue(table.Rows[r]);
                    var copied = rows.Rows[r][c];
                    if (value is null)
                        Assert.Equal(DBNull.Value, copied);
                    else if (value is DateTime time)
                        Assert.Equal((time, DateTimeKind.Unspecified), ((DateTime)copied, ((DateTime)copied).Kind));
                    else
                        Assert.Equal(value, copied);
                }
            }
        }
    }

    [Fact]
    public async Task Loading_puts_every_row_in_sql_server()
    {
        var database = await fixture.GetDatabaseAsync();

        foreach (var table in database.Dataset.Tables)
        {
            var count = await SqlServerRunner.ExecuteAsync(database.ConnectionString, $"SELECT COUNT_BIG(*) AS [n] FROM [stripe].{SqlServerLoader.Quote(table.Name)}", cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal((long)table.Rows.Count, count.Rows[0][0]);
        }
        Assert.Equal(database.Dataset.Tables.Select(t => (t.Name, t.Rows.Count)), database.Load.Tables);
    }
}
