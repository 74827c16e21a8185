using StripeModelGen.Compiler.Emit;

namespace StripeModelGen.Compiler.Tests.Emit;

/// <summary><c>manifest.json</c> and the file set of a compiled project.</summary>
public sealed class ManifestTests
{
    private static readonly CompiledProject Project = new(
        "postgres",
        "sigma",
        [
            new CompiledArtifact("view", "refunds", "views/refunds.sql", "-- refunds\nSELECT 1;\n", string.Empty, [new ArtifactColumn("id", "string"), new ArtifactColumn("amount", "money")], []),
            new CompiledArtifact("tile", "lookup.charges", "tiles/lookup/charges.sql", "-- tile\nSELECT 2;\n", "plan", [new ArtifactColumn("charges.created_date", "date")], ["customer", "period"]),
            new CompiledArtifact("query", "top", "queries/top.sql", "-- query\nSELECT 3;\n", "plan", [new ArtifactColumn("charges.currency", "string"), new ArtifactColumn("charges.count", "number")], []),
        ]);

    [Fact]
    public void The_manifest_lists_every_artifact_by_path_with_columns_in_output_order()
    {
        const string expected = """
            {
              "dialect": "postgres",
              "source": "sigma",
              "artifacts": [
                {
                  "kind": "query",
                  "name": "top",
                  "path": "queries/top.sql",
                  "columns": [
                    {
                      "name": "charges.currency",
                      "type": "string"
                    },
                    {
                      "name": "charges.count",
                      "type": "number"
                    }
                  ],
                  "parameters": []
                },
                {
                  "kind": "tile",
                  "name": "lookup.charges",
                  "path": "tiles/lookup/charges.sql",
                  "columns": [
                    {
                      "name": "charges.created_date",
                      "type": "date"
                    }
                  ],
                  "parameters": [
                    "customer",
                    "period"
                  ]
                },
                {
                  "kind": "view",
                  "name": "refunds",
                  "path": "views/refunds.sql",
                  "columns": [
                    {
                      "name": "id",
                      "type": "string"
                    },
                    {
                      "name": "amount",
                      "type": "money"
                    }
                  ],
                  "parameters": []
                }
              ]
            }

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), Manifest.Write(Project));
    }

    [Fact]
    public void The_manifest_does_not_depend_on_the_order_of_the_artifacts()
    {
        var reversed = Project with { Artifacts = [.. Project.Artifacts.Reverse()] };

        Assert.Equal(Manifest.Write(Project), Manifest.Write(reversed));
    }

    [Fact]
    public void Text_is_written_as_is_without_escaping_beyond_json()
    {
        var project = new CompiledProject("postgres", "sigma", [
            new CompiledArtifact("query", "q", "queries/q.sql", "x;\n", string.Empty, [new ArtifactColumn("größe<&>'", "string"), new ArtifactColumn("quote\"back\\slash", "string")], []),
        ]);

        var text = Manifest.Write(project);

        Assert.Contains("\"name\": \"größe<&>'\"", text, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"quote\\\"back\\\\slash\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_files_are_every_artifact_by_path_and_the_manifest()
    {
        var files = Project.Files();

        Assert.Equal(["manifest.json", "queries/top.sql", "tiles/lookup/charges.sql", "views/refunds.sql"], files.Keys);
        Assert.Equal("-- tile\nSELECT 2;\n", files["tiles/lookup/charges.sql"]);
        Assert.Equal(Manifest.Write(Project), files[Manifest.FileName]);
    }
}
