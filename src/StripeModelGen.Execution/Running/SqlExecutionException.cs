using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace StripeModelGen.Execution.Running;

/// <summary>
/// A database refused or failed to run a statement, or could not be reached. The message is one
/// line, ready for a diagnostic: the engine's SQLSTATE and message, then detail and hint.
/// </summary>
public sealed class SqlExecutionException : Exception
{
    public SqlExecutionException()
    {
    }

    public SqlExecutionException(string message)
        : base(message)
    {
    }

    public SqlExecutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The SQLSTATE code (e.g. <c>42703</c> undefined column); null when the server was not reached.</summary>
    public string? SqlState { get; init; }

    /// <summary>The engine's own message, without SQLSTATE, detail or hint.</summary>
    public string? EngineMessage { get; init; }

    /// <summary>1-based character offset into the statement where the error was found, when the engine reports one.</summary>
    public int? Position { get; init; }

    public string? Detail { get; init; }

    public string? Hint { get; init; }

    /// <summary>True when the statement never reached a server (connection refused, authentication, timeout).</summary>
    public bool IsConnectionFailure => SqlState is null || SqlState.StartsWith("08", StringComparison.Ordinal) || SqlState.StartsWith("28", StringComparison.Ordinal);

    /// <summary>Wraps a provider exception; anything else is returned unchanged inside a generic wrapper.</summary>
    public static SqlExecutionException From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case SqlExecutionException already:
                return already;
            case PostgresException postgres:
            {
                var message = $"{postgres.SqlState}: {postgres.MessageText}";
                if (postgres.Position > 0)
                    message += string.Create(CultureInfo.InvariantCulture, $" (at character {postgres.Position})");
                if (!string.IsNullOrEmpty(postgres.Detail))
                    message += " Detail: " + postgres.Detail;
                if (!string.IsNullOrEmpty(postgres.Hint))
                    message += " Hint: " + postgres.Hint;
                return new SqlExecutionException(OneLine(message), postgres)
                {
                    SqlState = postgres.SqlState,
                    EngineMessage = postgres.MessageText,
                    Position = postgres.Position > 0 ? postgres.Position : null,
                    Detail = string.IsNullOrEmpty(postgres.Detail) ? null : postgres.Detail,
                    Hint = string.IsNullOrEmpty(postgres.Hint) ? null : postgres.Hint,
                };
            }
            case DbException db:
            {
                var inner = db.InnerException is { } cause && cause.Message != db.Message ? ": " + cause.Message : "";
                return new SqlExecutionException(OneLine("Database error: " + db.Message + inner), db)
                {
                    SqlState = string.IsNullOrEmpty(db.SqlState) ? null : db.SqlState,
                    EngineMessage = db.Message,
                };
            }
            case TimeoutException timeout:
                return new SqlExecutionException(OneLine("Database timeout: " + timeout.Message), timeout) { EngineMessage = timeout.Message };
            default:
                return new SqlExecutionException(OneLine(exception.Message), exception) { EngineMessage = exception.Message };
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
