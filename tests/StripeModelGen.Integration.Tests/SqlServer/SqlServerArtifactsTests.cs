using StripeModelGen.Execution.Running;
using StripeModelGen.Execution.SqlServer;
using StripeModelGen.Integration.Tests.Compiled;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.SqlServer;

/// <summary>
/// Every compiled SQL Server artifact of every model (views, tiles, saved queries) runs on SQL Server
/// over the sample data and returns what the same artifact compiled for PostgreSQL returns there: the
/// PostgreSQL results are the ones the C# oracle checks (Compiled/), so SQL Server's are checked against
/// the oracle through them. Skipped without <c>SMG_SQLSERVER</c>.
/// </summary>
public sealed class SqlServerArtifactsTests(SqlServerFixture sqlServer, PostgresFixture postgres)
{
    public static TheoryData<string, string> Artifacts()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in SqlServerModels.Names)
        {
            foreach (var artifact in SqlServerModels.Get(model).Artifacts)
                data.Add(model, artifact.Path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Artifacts))]
    public async Task Returns_what_postgresql_returns(string model, string path)
    {
        var server = await sqlServer.GetDatabaseAsync();
        var database = await postgres.GetDatabaseAsync();
        var artifact = SqlServerModels.Artifact(model, path);
        var reference = CompiledModels.Artifact(model, path);
        var cancel = TestContext.Current.CancellationToken;

        if (artifact.Kind == "view")
        {
            // Each model's views in a schema of their own, on both engines, read back whole (a view has no order).
            var schema = $"compiled_{model}";
            await SqlServerRunner.ExecuteAsync(server.ConnectionString, SqlServerLoader.CreateSchemaSql(schema), cancellationToken: cancel);
            await SqlServerRunner.ExecuteAsync(server.ConnectionString, InSchema(artifact.Sql, schema), cancellationToken: cancel);
            var actual = await SqlServerRunner.ExecuteAsync(server.ConnectionString, $"SELECT * FROM {SqlServerLoader.Quote(schema)}.{SqlServerLoader.Quote(artifact.Name)}", cancellationToken: cancel);

            var pgSchema = $"sqlserver_check_{model}";
            await Db.QueryAsync(database.ConnectionString, $"CREATE SCHEMA IF NOT EXISTS \"{pgSchema}\"");
            await Db.QueryAsync(database.ConnectionString, $"SET search_path TO \"{pgSchema}\";\n{reference.Sql}");
            var expected = await Db.QueryAsync(database.ConnectionString, $"SELECT * FROM \"{pgSchema}\".\"{reference.Name}\"");

            Assert.Equal(artifact.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
            ResultComparison.AssertSame(expected, actual, ordered: false, $"{model}/{path}");
            return;
        }
        var parameters = artifact.Parameters.Distinct().ToDictionary(p => p, p => (object?)server.Dataset.Customers[0].Id);
        var sqlServerRows = await SqlServerRunner.ExecuteAsync(server.ConnectionString, artifact.Sql, parameters, cancel);
        var postgresRows = await Db.QueryAsync(database.ConnectionString, reference.Sql, parameters);

        Assert.Equal(artifact.Columns.Select(c => c.Name), sqlServerRows.Columns.Select(c => c.Name));
        ResultComparison.AssertSame(postgresRows, sqlServerRows, ordered: true, $"{model}/{path}");
    }

    /// <summary>The view DDL creating the view in <paramref name="schema"/> (compiled views are unqualified).</summary>
    internal static string InSchema(string sql, string schema)
    {
        const string create = "CREATE OR ALTER VIEW [";
        var at = sql.IndexOf(create, StringComparison.Ordinal);
        Assert.True(at >= 0, "Not a SQL Server view:\n" + sql);
        return sql[..at] + "CREATE OR ALTER VIEW " + SqlServerLoader.Quote(schema) + ".[" + sql[(at + create.Length)..];
    }
}
