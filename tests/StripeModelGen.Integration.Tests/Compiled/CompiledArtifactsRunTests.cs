using StripeModelGen.Execution.Running;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Compiled;

/// <summary>Every compiled file of every model runs on PostgreSQL over the sample data.</summary>
public sealed class CompiledArtifactsRunTests(PostgresFixture fixture)
{
    public static TheoryData<string, string> Artifacts()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in CompiledModels.Names)
        {
            foreach (var artifact in CompiledModels.Get(model).Artifacts)
                data.Add(model, artifact.Path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Artifacts))]
    public async Task Runs(string model, string path)
    {
        var database = await fixture.GetDatabaseAsync();
        var artifact = CompiledModels.Artifact(model, path);
        if (artifact.Kind == "view")
        {
            // Views go to a schema of their own, so they never shadow the source tables.
            var schema = $"compiled_{model}";
            await Db.QueryAsync(database.ConnectionString, $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"");
            await Db.QueryAsync(database.ConnectionString, $"SET search_path TO \"{schema}\";\n{artifact.Sql}");
            var rows = await Db.QueryAsync(database.ConnectionString, $"SELECT * FROM \"{schema}\".\"{artifact.Name}\"");
            Assert.Equal(artifact.Columns.Select(c => c.Name), rows.Columns.Select(c => c.Name));
            return;
        }
        var parameters = artifact.Parameters.ToDictionary(p => p, p => (object?)database.Dataset.Customers[0].Id);
        var result = await Db.QueryAsync(database.ConnectionString, artifact.Sql, parameters);
        Assert.Equal(artifact.Columns.Select(c => c.Name), result.Columns.Select(c => c.Name));
    }
}
