using System.Diagnostics;
using System.Globalization;
using Npgsql;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Postgres;

[assembly: AssemblyFixture(typeof(StripeModelGen.Integration.Tests.Postgres.PostgresFixture))]

namespace StripeModelGen.Integration.Tests.Postgres;

/// <summary>A database holding the sample dataset, and the dataset itself for computing expected values.</summary>
public sealed record PostgresDatabase(string ConnectionString, SampleDataset Dataset, LoadSummary Load);

/// <summary>
/// The PostgreSQL database every integration test shares, created on first use: the server in
/// <c>SMG_POSTGRES</c> (a connection string) when set, otherwise a private cluster started from the
/// installed PostgreSQL binaries (<see cref="PostgresCluster"/>). A fresh database is created on it
/// and the sample dataset (seed 42, scale 1) is loaded into schema <c>stripe</c> once; both are
/// dropped at the end. Without PostgreSQL the tests that need it are skipped, or fail when
/// <c>CI=true</c>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const int Seed = 42;
    public const int Scale = 1;

    private readonly Lazy<SampleDataset> _dataset = new(() => SampleData.Generate(Seed, Scale));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Task<LoadSummary>> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<string>> _sourceDatabases = new(StringComparer.Ordinal);
    private readonly List<string> _extraDatabases = [];
    private Task<PostgresDatabase>? _database;
    private PostgresCluster? _cluster;
    private string? _serverConnectionString;
    private string? _databaseName;

    /// <summary>The sample dataset (seed 42, scale 1), available without PostgreSQL.</summary>
    public SampleDataset Dataset => _dataset.Value;

    /// <summary>What starting took, for the test log: cluster init and start, database creation, load.</summary>
    public string? Timings { get; private set; }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The loaded database. Skips the calling test when PostgreSQL is not installed (fails it under
    /// <c>CI=true</c>); fails it when PostgreSQL is there but could not be started or loaded.
    /// </summary>
    public async Task<PostgresDatabase> GetDatabaseAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SMG_POSTGRES");
        if (string.IsNullOrWhiteSpace(configured) && PostgresCluster.FindBinDirectory() is null)
        {
            const string reason = "PostgreSQL is not installed (no initdb and pg_ctl in SMG_PG_BIN, /usr/lib/postgresql/*/bin or on the PATH) and SMG_POSTGRES is not set";
            if (IsCi)
                Assert.Fail(reason + "; CI=true requires it: install Debian's postgresql package (bash .ci/test does).");
            Assert.Skip(reason + ".");
        }

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

    /// <summary>
    /// The same dataset in the layout of another source (<c>segment</c>, <c>fivetran</c>), loaded once into
    /// its default schema (the source's name, as the shipped model's sources expect) on first use. Sigma is
    /// always there, in schema <c>stripe</c>.
    /// </summary>
    public async Task<LoadSummary> GetSourceAsync(string source)
    {
        var database = await GetDatabaseAsync().ConfigureAwait(false);
        if (source == "sigma")
            return database.Load;
        Task<LoadSummary> load;
        lock (_sources)
        {
            if (!_sources.TryGetValue(source, out load!))
                _sources[source] = load = PostgresLoader.LoadSourceAsync(database.ConnectionString, database.Dataset, source);
        }
        return await load.ConfigureAwait(false);
    }

    /// <summary>
    /// A database of its own holding the dataset in the layout of <paramref name="source"/> in schema
    /// <c>stripe</c>, the schema every source of the shipped model reads, so SQL compiled for that
    /// source runs unchanged; created once, on first use (sigma: the main database). Skips the test
    /// when the role may not create databases.
    /// </summary>
    public async Task<string> GetSourceDatabaseAsync(string source)
    {
        var database = await GetDatabaseAsync().ConfigureAwait(false);
        if (source == "sigma")
            return database.ConnectionString;
        Task<string> created;
        lock (_sources)
        {
            if (!_sourceDatabases.TryGetValue(source, out created!))
                _sourceDatabases[source] = created = CreateSourceDatabaseAsync(source, database.Dataset);
        }
        return await created.ConfigureAwait(false);
    }

    private async Task<string> CreateSourceDatabaseAsync(string source, SampleDataset dataset)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"smg_integration_{Environment.ProcessId}_{source}");
        await using (var connection = new NpgsqlConnection(_serverConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            try
            {
                await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
                    await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
                await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection))
                    await create.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                Assert.Skip($"The role of SMG_POSTGRES may not create databases, so {source} cannot get a database of its own.");
            }
        }
        lock (_sources)
            _extraDatabases.Add(name);
        var connectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = name }.ConnectionString;
        await PostgresLoader.LoadSourceAsync(connectionString, dataset, source, PostgresLoader.DefaultSchema).ConfigureAwait(false);
        return connectionString;
    }

    private async Task<PostgresDatabase> StartAsync(string? configured)
    {
        var timings = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        if (string.IsNullOrWhiteSpace(configured))
        {
            _cluster = await PostgresCluster.StartAsync(PostgresCluster.FindBinDirectory()!).ConfigureAwait(false);
            _serverConnectionString = _cluster.ConnectionString;
            timings.Add(string.Create(CultureInfo.InvariantCulture, $"initdb {_cluster.InitTime.TotalMilliseconds:0} ms, pg_ctl start {_cluster.StartTime.TotalMilliseconds:0} ms (port {_cluster.Port})"));
        }
        else
        {
            _serverConnectionString = configured;
        }

        stopwatch.Restart();
        var connectionString = await CreateDatabaseAsync(_serverConnectionString).ConfigureAwait(false);
        timings.Add(string.Create(CultureInfo.InvariantCulture, $"create database {stopwatch.Elapsed.TotalMilliseconds:0} ms"));

        stopwatch.Restart();
        var dataset = Dataset;
        timings.Add(string.Create(CultureInfo.InvariantCulture, $"generate {stopwatch.Elapsed.TotalMilliseconds:0} ms"));
        var load = await PostgresLoader.LoadAsync(connectionString, dataset).ConfigureAwait(false);
        timings.Add(string.Create(CultureInfo.InvariantCulture, $"load {load.Elapsed.TotalMilliseconds:0} ms"));
        Timings = string.Join(", ", timings);
        TestContext.Current.SendDiagnosticMessage("PostgreSQL fixture: " + Timings);
        return new PostgresDatabase(connectionString, dataset, load);
    }

    /// <summary>Creates a fresh database; when the role may not create databases, uses the configured one as it is.</summary>
    private async Task<string> CreateDatabaseAsync(string serverConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString);
        var name = string.Create(CultureInfo.InvariantCulture, $"smg_integration_{Environment.ProcessId}");
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        try
        {
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection))
                await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return serverConnectionString;
        }
        _databaseName = name;
        builder.Database = name;
        return builder.ConnectionString;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_databaseName is not null && _serverConnectionString is not null && _cluster is null)
        {
            // Only a server we do not own needs the databases dropped; a private cluster is deleted whole.
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var connection = new NpgsqlConnection(_serverConnectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                foreach (var name in _extraDatabases.Prepend(_databaseName))
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
            }
            catch (NpgsqlException)
            {
            }
        }
        if (_cluster is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
        _gate.Dispose();
    }
}
