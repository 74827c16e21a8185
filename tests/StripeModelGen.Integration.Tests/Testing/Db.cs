using StripeModelGen.Execution.Running;

namespace StripeModelGen.Integration.Tests.Testing;

/// <summary>Runs SQL for a test, cancelled with the test.</summary>
internal static class Db
{
    public static Task<ResultTable> QueryAsync(string connectionString, string sql, IReadOnlyDictionary<string, object?>? parameters = null) =>
        SqlRunner.ExecutePostgresAsync(connectionString, sql, parameters, TestContext.Current.CancellationToken);
}
