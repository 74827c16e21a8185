using System.Diagnostics;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using StripeModelGen.Execution.Running;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Datasets.Sources;
using StripeModelGen.Execution.Schema;

namespace StripeModelGen.Execution.Postgres;

/// <summary>
/// What <see cref="PostgresLoader.LoadAsync(string, SampleDataset, string, CancellationToken)"/> did: the
/// tables and their row counts in load order, and the Sigma columns left out because their names
/// are longer than PostgreSQL's 63-byte identifier limit (<c>table.column</c>).
/// </summary>
public sealed record LoadSummary(string Schema, IReadOnlyList<(string Table, int Rows)> Tables, IReadOnlyList<string> OmittedColumns, TimeSpan Elapsed);

/// <summary>
/// Loads a <see cref="SampleDataset"/> into PostgreSQL: for each dataset table, drops and recreates
/// <c>schema.table</c> with every column of the Sigma table (Sigma types mapped to PostgreSQL,
/// columns the dataset does not fill stay NULL) and copies the rows with binary COPY, all in one
/// transaction, then analyses the tables. Running it again replaces the tables: it is idempotent.
/// Sigma columns whose names exceed PostgreSQL's identifier limit (63 bytes; twelve
/// <c>subscriptions.payment_settings_payment_method_options_*</c> columns) cannot exist there under
/// their name and are left out.
/// </summary>
public static class PostgresLoader
{
    /// <summary>The schema the Sigma source of the shipped model reads (<c>schema: stripe</c>).</summary>
    public const string DefaultSchema = "stripe";

    /// <summary>PostgreSQL truncates longer identifiers (NAMEDATALEN - 1 bytes).</summary>
    public const int MaxIdentifierLength = 63;

    /// <summary>The Sigma columns a PostgreSQL table can hold, in the schema's order.</summary>
    public static IReadOnlyList<SigmaColumn> LoadableColumns(SigmaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.Columns.Where(c => Encoding.UTF8.GetByteCount(c.Name) <= MaxIdentifierLength)];
    }

    public static async Task<LoadSummary> LoadAsync(string connectionString, SampleDataset dataset, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw SqlExecutionException.From(exception);
        }
        return await LoadAsync(connection, dataset, schema, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<LoadSummary> LoadAsync(NpgsqlConnection connection, SampleDataset dataset, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        var stopwatch = Stopwatch.StartNew();
        var counts = new List<(string, int)>();
        var omitted = new List<string>();
        try
        {
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}", cancellationToken).ConfigureAwait(false);
                foreach (var table in dataset.Tables)
                {
                    var sigma = SigmaSchema.Instance.GetTable(table.Name);
                    var loadable = LoadableColumns(sigma);
                    omitted.AddRange(sigma.Columns.Except(loadable).Select(c => table.Name + "." + c.Name));
                    var unloadable = table.Columns.Where(c => !loadable.Any(l => l.Name == c.Name)).Select(c => c.Name).ToList();
                    if (unloadable.Count > 0)
                        throw new InvalidOperationException($"The dataset fills {table.Name} columns PostgreSQL cannot hold: {string.Join(", ", unloadable)}.");
                    await ExecuteAsync(connection, CreateTableSql(schema, sigma), cancellationToken).ConfigureAwait(false);
                    await CopyAsync(connection, schema, table.Name, [.. table.Columns.Select(c => (c.Name, c.Type))],
                        [.. table.Rows.Select(row => table.Columns.Select(c => c.GetValue(row)).ToArray())], cancellationToken).ConfigureAwait(false);
                    counts.Add((table.Name, table.Rows.Count));
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var table in dataset.Tables)
                await ExecuteAsync(connection, $"ANALYZE {Quote(schema)}.{Quote(table.Name)}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw SqlExecutionException.From(exception);
        }
        return new LoadSummary(schema, counts, omitted, stopwatch.Elapsed);
    }

    /// <summary>
    /// Loads the dataset in the layout of <paramref name="source"/> (<c>sigma</c>, <c>segment</c> or
    /// <c>fivetran</c>) into <paramref name="schema"/> (by default <c>stripe</c> for sigma, else the
    /// source's name): Sigma as <see cref="LoadAsync(string, SampleDataset, string, CancellationToken)"/>
    /// does, the others through their <see cref="SourceShape"/>.
    /// </summary>
    public static async Task<LoadSummary> LoadSourceAsync(string connectionString, SampleDataset dataset, string source, string? schema = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(source);
        if (source == "sigma")
            return await LoadAsync(connectionString, dataset, schema ?? DefaultSchema, cancellationToken).ConfigureAwait(false);
        var shape = SourceShape.Find(source) ?? throw new ArgumentException($"Unknown source `{source}`; expected one of {string.Join(", ", SourceShape.Names)}.", nameof(source));
        return await LoadAsync(connectionString, shape.Apply(dataset), schema ?? shape.DefaultSchema, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a dataset shaped like a source other than Sigma: for each of its tables, drops and recreates
    /// <c>schema.table</c> with exactly the source's columns and copies the rows, in one transaction, then
    /// analyses the tables. Tables of the schema the source does not have are left alone.
    /// </summary>
    public static async Task<LoadSummary> LoadAsync(string connectionString, ShapedDataset dataset, string schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw SqlExecutionException.From(exception);
        }
        return await LoadAsync(connection, dataset, schema, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<LoadSummary> LoadAsync(NpgsqlConnection connection, ShapedDataset dataset, string schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        var stopwatch = Stopwatch.StartNew();
        var counts = new List<(string, int)>();
        try
        {
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}", cancellationToken).ConfigureAwait(false);
                foreach (var table in dataset.Tables)
                {
                    await ExecuteAsync(connection, CreateTableSql(schema, table), cancellationToken).ConfigureAwait(false);
                    await CopyAsync(connection, schema, table.Name, [.. table.Columns.Select(c => (c.Name, c.Type))], table.Rows, cancellationToken).ConfigureAwait(false);
                    counts.Add((table.Name, table.Rows.Count));
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var table in dataset.Tables)
                await ExecuteAsync(connection, $"ANALYZE {Quote(schema)}.{Quote(table.Name)}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw SqlExecutionException.From(exception);
        }
        return new LoadSummary(schema, counts, [], stopwatch.Elapsed);
    }

    /// <summary>
    /// The statements that create a source table: its columns in the source's order, and a primary key
    /// on <c>id</c> where the source keeps one row per object (not on line items, whose old ids repeat
    /// across invoices, nor on Fivetran's <c>subscription_history</c>).
    /// </summary>
    public static string CreateTableSql(string schema, ShapedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = Quote(schema) + "." + Quote(table.Name);
        var columns = table.Columns.Select(c => "    " + Quote(c.Name) + " " + TypeName(c.Type)).ToList();
        var sigmaKey = SigmaSchema.Instance.GetTable(table.Logical).PrimaryKey;
        if (sigmaKey.Count == 1 && sigmaKey[0].Name == "id" && table.Columns.Any(c => c.Name == "id" && c.From == "id") && table.Name != "subscription_history")
            columns.Add("    PRIMARY KEY (\"id\")");
        return $"DROP TABLE IF EXISTS {name} CASCADE;\nCREATE TABLE {name} (\n{string.Join(",\n", columns)}\n)";
    }

    /// <summary>
    /// <c>DROP TABLE IF EXISTS</c> then <c>CREATE TABLE</c> with the <see cref="LoadableColumns"/> in the
    /// schema's order; a single-column <c>id</c> primary key becomes a PRIMARY KEY constraint (other flagged
    /// keys, such as <c>invoice_line_items.invoice_id</c>, are not unique in real data).
    /// </summary>
    public static string CreateTableSql(string schema, SigmaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = Quote(schema) + "." + Quote(table.Name);
        var columns = LoadableColumns(table).Select(c => "    " + Quote(c.Name) + " " + TypeName(c.Type)).ToList();
        var key = table.PrimaryKey;
        if (key.Count == 1 && key[0].Name == "id")
            columns.Add("    PRIMARY KEY (\"id\")");
        return $"DROP TABLE IF EXISTS {name} CASCADE;\nCREATE TABLE {name} (\n{string.Join(",\n", columns)}\n)";
    }

    /// <summary>The PostgreSQL type of a Sigma type: timestamps are <c>timestamp</c> (without time zone) holding UTC.</summary>
    public static string TypeName(SigmaType type) => type switch
    {
        SigmaType.Varchar => "varchar",
        SigmaType.Bigint => "bigint",
        SigmaType.Double => "double precision",
        SigmaType.Boolean => "boolean",
        SigmaType.Timestamp => "timestamp",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static NpgsqlDbType DbType(SigmaType type) => type switch
    {
        SigmaType.Varchar => NpgsqlDbType.Varchar,
        SigmaType.Bigint => NpgsqlDbType.Bigint,
        SigmaType.Double => NpgsqlDbType.Double,
        SigmaType.Boolean => NpgsqlDbType.Boolean,
        SigmaType.Timestamp => NpgsqlDbType.Timestamp,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static async Task CopyAsync(NpgsqlConnection connection, string schema, string table, IReadOnlyList<(string Name, SigmaType Type)> columns,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var types = columns.Select(c => DbType(c.Type)).ToArray();
        var copy = $"COPY {Quote(schema)}.{Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < columns.Count; i++)
            {
                switch (row[i])
                {
                    case null:
                        await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    case DateTime time:
                        // timestamp without time zone: Npgsql wants an unspecified kind; the value is UTC.
                        await writer.WriteAsync(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), types[i], cancellationToken).ConfigureAwait(false);
                        break;
                    case var value:
                        await writer.WriteAsync(value, types[i], cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A PostgreSQL quoted identifier.</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

}
