using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Npgsql;

namespace StripeModelGen.Execution.Running;

/// <summary>
/// Runs one SQL text and returns its rows as a <see cref="ResultTable"/>. Database errors become a
/// <see cref="SqlExecutionException"/> carrying the engine's message; nothing else is caught.
/// </summary>
public static class SqlRunner
{
    /// <summary>Opens a PostgreSQL connection, runs the statement, closes it.</summary>
    public static async Task<ResultTable> ExecutePostgresAsync(string connectionString, string sql,
        IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsDatabaseError(exception))
        {
            throw SqlExecutionException.From(exception);
        }
        return await ExecuteAsync(connection, sql, parameters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the statement on an open connection of any ADO.NET provider. Named parameters are bound by
    /// name (without a prefix, e.g. <c>customer</c> for <c>@customer</c>); the result is the statement's
    /// first result set (empty when it returns none).
    /// </summary>
    public static async Task<ResultTable> ExecuteAsync(DbConnection connection, string sql,
        IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        try
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the SQL text is the compiler's output or the caller's own query, by design
            command.CommandText = sql;
#pragma warning restore CA2100
            if (parameters is not null)
            {
                foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var columns = new List<ResultColumn>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
                columns.Add(new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i)));
            var rows = new List<IReadOnlyList<object?>>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                    row[i] = await reader.IsDBNullAsync(i, cancellationToken).ConfigureAwait(false) ? null : ReadValue(reader, i);
                rows.Add(row);
            }
            // Drain the remaining result sets so errors in later statements surface here.
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }
            return new ResultTable(columns, rows);
        }
        catch (Exception exception) when (IsDatabaseError(exception))
        {
            throw SqlExecutionException.From(exception);
        }
    }

    private static bool IsDatabaseError(Exception exception) => exception is DbException or TimeoutException;

    /// <summary>Reads one non-null value and normalises its CLR type.</summary>
    internal static object ReadValue(DbDataReader reader, int ordinal)
    {
        var type = reader.GetFieldType(ordinal);
        var dataTypeName = reader.GetDataTypeName(ordinal);
        if (type == typeof(DateTime))
        {
            // SqlClient 2.x cannot read a DateOnly: a date is read as a DateTime at midnight there.
            if (dataTypeName == "date")
                return reader is Npgsql.NpgsqlDataReader ? reader.GetFieldValue<DateOnly>(ordinal) : DateOnly.FromDateTime(reader.GetDateTime(ordinal));
            var time = reader.GetDateTime(ordinal);
            return time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
        }
        if (type == typeof(decimal))
        {
            try
            {
                return reader.GetDecimal(ordinal);
            }
            catch (Exception exception) when (exception is OverflowException or InvalidCastException)
            {
                // A whole numeric beyond decimal's range (28-29 digits) comes back as a double.
                try
                {
                    // Through text: the BigInteger to double cast does not round to nearest.
                    var whole = reader.GetFieldValue<BigInteger>(ordinal);
                    return double.Parse(whole.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                }
                catch (Exception inner) when (inner is OverflowException or InvalidCastException)
                {
                    throw new SqlExecutionException($"Column {reader.GetName(ordinal)} holds a {dataTypeName} value that does not fit a .NET decimal.", inner);
                }
            }
        }
        var value = reader.GetValue(ordinal);
        return value switch
        {
            short s => (long)s,
            int i => (long)i,
            long l => l,
            byte b => (long)b,
            sbyte sb => (long)sb,
            ushort us => (long)us,
            uint ui => (long)ui,
            float f => (double)f,
            DateTimeOffset offset => offset.UtcDateTime,
            BigInteger big => (decimal)big,
            char c => c.ToString(),
            Guid guid => guid.ToString("D"),
            _ => value,
        };
    }
}
