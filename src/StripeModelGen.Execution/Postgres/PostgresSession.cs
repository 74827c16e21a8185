using Npgsql;
using NpgsqlTypes;
using StripeModelGen.Execution.Running;

namespace StripeModelGen.Execution.Postgres;

/// <summary>
/// One open PostgreSQL connection for running several statements (a dashboard's tiles) with
/// parameters given as text, the way a user types them on a command line. Text parameters are sent
/// untyped, so the server infers each one's type from where it is used (<c>created &gt;= @from</c>
/// reads <c>2026-01-01</c> as a timestamp, <c>id = @customer</c> as text), like a literal in psql.
/// </summary>
public sealed class PostgresSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private PostgresSession(NpgsqlConnection connection) => _connection = connection;

    /// <summary>
    /// Checks that <paramref name="connectionString"/> is a well-formed Npgsql connection string (known
    /// keywords, valid values) without connecting; returns the problem as one line, or null.
    /// </summary>
    public static string? CheckConnectionString(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
            return "the connection string is empty";
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString).ToString();
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            var message = string.Join(' ', exception.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var parameter = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
            return parameter > 0 ? message[..parameter] : message;
        }
    }

    /// <summary>Opens a connection; a failure is a <see cref="SqlExecutionException"/> (<see cref="SqlExecutionException.IsConnectionFailure"/> when the server was not reached or refused the login).</summary>
    public static async Task<PostgresSession> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw ConnectionFailure(exception);
        }
        return new PostgresSession(connection);
    }

    /// <summary>Runs one statement; <paramref name="parameters"/> are bound by name (<c>customer</c> for <c>@customer</c>), untyped.</summary>
    public async Task<ResultTable> QueryAsync(string sql, IReadOnlyDictionary<string, string?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        try
        {
            await using var command = new NpgsqlCommand(sql, _connection);
            foreach (var (name, value) in (parameters ?? new Dictionary<string, string?>()).OrderBy(p => p.Key, StringComparer.Ordinal))
                command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Unknown) { Value = (object?)value ?? DBNull.Value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var columns = new List<ResultColumn>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
                columns.Add(new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i)));
            var rows = new List<IReadOnlyList<object?>>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                    row[i] = await reader.IsDBNullAsync(i, cancellationToken).ConfigureAwait(false) ? null : SqlRunner.ReadValue(reader, i);
                rows.Add(row);
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }
            return new ResultTable(columns, rows);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw SqlExecutionException.From(exception);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>A failure to open: the provider's exception, or a malformed connection string, as a connection failure.</summary>
    private static SqlExecutionException ConnectionFailure(Exception exception)
    {
        var wrapped = SqlExecutionException.From(exception);
        return wrapped.IsConnectionFailure ? wrapped : new SqlExecutionException(wrapped.Message, exception) { EngineMessage = wrapped.EngineMessage };
    }
}
