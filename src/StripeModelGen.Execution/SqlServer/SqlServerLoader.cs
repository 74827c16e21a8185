using System.Data;
using System.Diagnostics;
using Microsoft.Data.SqlClient;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Postgres;
using StripeModelGen.Execution.Running;
using StripeModelGen.Execution.Schema;

namespace StripeModelGen.Execution.SqlServer;

/// <summary>
/// Loads a <see cref="SampleDataset"/> into SQL Server (2017 or later, Azure SQL Database): for each dataset
/// table, drops and recreates <c>[schema].[table]</c> with every column of the Sigma table (Sigma types
/// mapped to T-SQL, columns the dataset does not fill stay NULL) and copies the rows with
/// <see cref="SqlBulkCopy"/>, all in one transaction. Running it again replaces the tables: it is
/// idempotent. Text columns use the binary collation <see cref="TextCollation"/>, so text compares and
/// sorts by code point, as PostgreSQL's C collation does (and as the compiled queries' results are
/// compared across engines); a database's default collation is usually case-insensitive.
/// </summary>
public static class SqlServerLoader
{
    /// <summary>The schema the Sigma source of the shipped model reads (<c>schema: stripe</c>).</summary>
    public const string DefaultSchema = PostgresLoader.DefaultSchema;

    /// <summary>Code-point order and case-sensitive equality for text columns.</summary>
    public const string TextCollation = "Latin1_General_100_BIN2";

    /// <summary>SQL Server's identifier limit (sysname): longer Sigma column names cannot exist there.</summary>
    public const int MaxIdentifierLength = 128;

    /// <summary>The Sigma columns a SQL Server table can hold, in the schema's order.</summary>
    public static IReadOnlyList<SigmaColumn> LoadableColumns(SigmaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.Columns.Where(c => c.Name.Length <= MaxIdentifierLength)];
    }

    public static async Task<LoadSummary> LoadAsync(string connectionString, SampleDataset dataset, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        await using var connection = new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SqlException or TimeoutException)
        {
            throw SqlExecutionException.From(exception);
        }
        return await LoadAsync(connection, dataset, schema, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<LoadSummary> LoadAsync(SqlConnection connection, SampleDataset dataset, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        var stopwatch = Stopwatch.StartNew();
        var counts = new List<(string, int)>();
        var omitted = new List<string>();
        try
        {
            // CREATE SCHEMA must be alone in its batch; it cannot run inside the transaction's batches either way.
            await ExecuteAsync(connection, null, CreateSchemaSql(schema), cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var table in dataset.Tables)
            {
                var sigma = SigmaSchema.Instance.GetTable(table.Name);
                var loadable = LoadableColumns(sigma);
                omitted.AddRange(sigma.Columns.Except(loadable).Select(c => table.Name + "." + c.Name));
                var unloadable = table.Columns.Where(c => !loadable.Any(l => l.Name == c.Name)).Select(c => c.Name).ToList();
                if (unloadable.Count > 0)
                    throw new InvalidOperationException($"The dataset fills {table.Name} columns SQL Server cannot hold: {string.Join(", ", unloadable)}.");
                await ExecuteAsync(connection, transaction, DropTableSql(schema, table.Name), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, CreateTableSql(schema, sigma), cancellationToken).ConfigureAwait(false);
                using var rows = ToDataTable(table);
                using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction)
                {
                    DestinationTableName = Quote(schema) + "." + Quote(table.Name),
                    BulkCopyTimeout = 0,
                };
                foreach (DataColumn column in rows.Columns)
                    copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
                await copy.WriteToServerAsync(rows, cancellationToken).ConfigureAwait(false);
                counts.Add((table.Name, table.Rows.Count));
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SqlException or TimeoutException)
        {
            throw SqlExecutionException.From(exception);
        }
        return new LoadSummary(schema, counts, omitted, stopwatch.Elapsed);
    }

    /// <summary>Creates the schema unless it exists (<c>CREATE SCHEMA</c> must be the only statement of its batch, hence EXEC).</summary>
    public static string CreateSchemaSql(string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        return $"IF SCHEMA_ID({Literal(schema)}) IS NULL EXEC({Literal("CREATE SCHEMA " + Quote(schema))})";
    }

    /// <summary><c>DROP TABLE IF EXISTS</c> (SQL Server 2016+).</summary>
    public static string DropTableSql(string schema, string table) => $"DROP TABLE IF EXISTS {Quote(schema)}.{Quote(table)}";

    /// <summary>
    /// <c>CREATE TABLE</c> with the <see cref="LoadableColumns"/> in the schema's order; a single-column <c>id</c>
    /// primary key becomes a PRIMARY KEY constraint (which needs a bounded length: NVARCHAR(450)).
    /// </summary>
    public static string CreateTableSql(string schema, SigmaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var key = table.PrimaryKey;
        var idKey = key.Count == 1 && key[0].Name == "id";
        var columns = LoadableColumns(table)
            .Select(c => "    " + Quote(c.Name) + " " + (idKey && c.Name == "id" ? KeyTypeName(c.Type) + " NOT NULL" : TypeName(c.Type)))
            .ToList();
        if (idKey)
            columns.Add("    PRIMARY KEY ([id])");
        return $"CREATE TABLE {Quote(schema)}.{Quote(table.Name)} (\n{string.Join(",\n", columns)}\n)";
    }

    /// <summary>The T-SQL type of a Sigma type: timestamps are DATETIME2 (no zone) holding UTC; text is Unicode, compared by code point.</summary>
    public static string TypeName(SigmaType type) => type switch
    {
        SigmaType.Varchar => $"NVARCHAR(MAX) COLLATE {TextCollation}",
        SigmaType.Bigint => "BIGINT",
        SigmaType.Double => "FLOAT",
        SigmaType.Boolean => "BIT",
        SigmaType.Timestamp => "DATETIME2",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string KeyTypeName(SigmaType type) => type == SigmaType.Varchar ? $"NVARCHAR(450) COLLATE {TextCollation}" : TypeName(type);

    /// <summary>The rows of a dataset table as a <see cref="DataTable"/> for <see cref="SqlBulkCopy"/>: the columns the dataset fills, typed, NULL as DBNull.</summary>
    public static DataTable ToDataTable(SampleTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var data = new DataTable(table.Name) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in table.Columns)
            data.Columns.Add(column.Name, ClrType(column.Type));
        foreach (var row in table.Rows)
        {
            var values = new object[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = table.Columns[i].GetValue(row) switch
                {
                    null => DBNull.Value,
                    // DATETIME2 has no kind: the value is UTC.
                    DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Unspecified),
                    var value => value,
                };
            }
            data.Rows.Add(values);
        }
        return data;
    }

    private static Type ClrType(SigmaType type) => type switch
    {
        SigmaType.Varchar => typeof(string),
        SigmaType.Bigint => typeof(long),
        SigmaType.Double => typeof(double),
        SigmaType.Boolean => typeof(bool),
        SigmaType.Timestamp => typeof(DateTime),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>A T-SQL quoted identifier: <c>[name]</c> with <c>]</c> doubled.</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
    }

    /// <summary>A Unicode string literal: <c>N'text'</c> with quotes doubled.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "N'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static async Task ExecuteAsync(SqlConnection connection, SqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // the SQL is built here from quoted identifiers and literals
        await using var command = new SqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
