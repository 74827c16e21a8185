using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.SqlClient;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Postgres;
using StripeModelGen.Execution.SqlServer;
using StripeModelGen.Integration.Tests.Postgres;

[assembly: AssemblyFixture(typeof(StripeModelGen.Integration.Tests.SqlServer.SqlServerFixture))]

namespace StripeModelGen.Integration.Tests.SqlServer;

/// <summary>A SQL Server database holding the sample dataset, and the dataset itself.</summary>
public sealed record SqlServerDatabase(string ConnectionString, SampleDataset Dataset, LoadSummary Load);

/// <summary>
/// The SQL Server database the SQL Server tests share, created on first use on the server named by
/// <c>SMG_SQLSERVER</c> (a Microsoft.Data.SqlClient connection string): a fresh database
/// <c>smg_integration_&lt;pid&gt;</c> when the login may create one (dropped at the end), else the configured
/// database as it is; the sample dataset (seed 42, scale 1, the PostgreSQL fixture's) is loaded into schema
/// <c>stripe</c> once. Without <c>SMG_SQLSERVER</c> the tests that need it are skipped, saying so: there is no
/// SQL Server to start on this kind of machine, so (unlike PostgreSQL) a missing one is not a CI failure.
/// </summary>
public sealed class SqlServerFixture : IAsyncLifetime
{
    public const string Variable = "SMG_SQLSERVER";

    private readonly Lazy<SampleDataset> _dataset = new(() => SampleData.Generate(PostgresFixture.Seed, PostgresFixture.Scale));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task<SqlServerDatabase>? _database;
    private string? _serverConnectionString;
    private string? _databaseName;

    public SampleDataset Dataset => _dataset.Value;

    /// <summary>The loaded database; skips the calling test when <c>SMG_SQLSERVER</c> is not set.</summary>
    public async Task<SqlServerDatabase> GetDatabaseAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
            Assert.Skip($"{Variable} is not set: set it to a SQL Server connection string (Microsoft.Data.SqlClient) to run the compiled SQL Server queries there.");

        await _gate.WaitAsync(TestContext.Current.CancellationToken).ConfigureAwait(false);
        try
        {
            _database ??= StartAsync(configured);
        }
        finally
        {
            _gate.Release();
        }
        return await _database.ConfigureAwait(false);
    }

    private async Task<SqlServerDatabase> StartAsync(string configured)
    {
        var stopwatch = Stopwatch.StartNew();
        _serverConnectionString = configured;
        var connectionString = await CreateDatabaseAsync(configured).ConfigureAwait(false);
        var load = await SqlServerLoader.LoadAsync(connectionString, Dataset).ConfigureAwait(false);
        TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
            $"SQL Server fixture: database ready in {stopwatch.Elapsed.TotalMilliseconds:0} ms (load {load.Elapsed.TotalMilliseconds:0} ms)"));
        return new SqlServerDatabase(connectionString, Dataset, load);
    }

    /// <summary>A fresh database; when the login may not create one, the configured database as it is.</summary>
    private async Task<string> CreateDatabaseAsync(string serverConnectionString)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"smg_integration_{Environment.ProcessId}");
        await using var connection = new SqlConnection(serverConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, $"IF DB_ID({SqlServerLoader.Literal(name)}) IS NOT NULL DROP DATABASE {SqlServerLoader.Quote(name)}").ConfigureAwait(false);
            await ExecuteAsync(connection, $"CREATE DATABASE {SqlServerLoader.Quote(name)}").ConfigureAwait(false);
        }
        catch (SqlException exception) when (exception.Number is 262 or 229 or 15247 or 40530)
        {
            // 262: CREATE DATABASE permission denied; 40530 (Azure): CREATE DATABASE must be alone in its batch / not allowed.
            return serverConnectionString;
        }
        _databaseName = name;
        return new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = name }.ConnectionString;
    }

    private static async Task ExecuteAsync(SqlConnection connection, string sql)
    {
#pragma warning disable CA2100 // identifiers and literals are quoted
        await using var command = new SqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_databaseName is not null && _serverConnectionString is not null)
        {
            SqlConnection.ClearAllPools();
            try
            {
                await using var connection = new SqlConnection(_serverConnectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                await ExecuteAsync(connection, $"ALTER DATABASE {SqlServerLoader.Quote(_databaseName)} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {SqlServerLoader.Quote(_databaseName)}").ConfigureAwait(false);
            }
            catch (SqlException)
            {
            }
        }
        _gate.Dispose();
    }
}
