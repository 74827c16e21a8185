using Microsoft.Data.SqlClient;
using StripeModelGen.Execution.Running;

namespace StripeModelGen.Execution.SqlServer;

/// <summary>Runs compiled SQL on SQL Server (Microsoft.Data.SqlClient), with the value normalisation of <see cref="SqlRunner"/>.</summary>
public static class SqlServerRunner
{
    /// <summary>
    /// Opens a connection, runs the statement, closes it. Parameters are named without the <c>@</c> the
    /// compiled SQL writes (<c>customer</c> for <c>@customer</c>), as for <see cref="SqlRunner"/>.
    /// </summary>
    public static async Task<ResultTable> ExecuteAsync(string connectionString, string sql,
        IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
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
        return await SqlRunner.ExecuteAsync(connection, sql, ParameterNames(parameters), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SqlClient binds <c>@name</c> by its full name: the names with their <c>@</c>.</summary>
    public static IReadOnlyDictionary<string, object?>? ParameterNames(IReadOnlyDictionary<string, object?>? parameters) =>
        parameters?.ToDictionary(p => p.Key.StartsWith('@') ? p.Key : "@" + p.Key, p => p.Value, StringComparer.Ordinal);
}
