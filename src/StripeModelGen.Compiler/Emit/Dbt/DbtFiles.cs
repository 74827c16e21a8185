using System.Collections.Immutable;
using System.Text.RegularExpressions;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Project;

namespace StripeModelGen.Compiler.Emit.Dbt;

/// <summary>
/// Every file of the dbt project, rendered from the templates: <c>dbt_project.yml</c>, <c>.gitignore</c>,
/// <c>models/sources.yml</c>, the model files and one <c>schema.yml</c> per model folder.
/// </summary>
internal static partial class DbtFiles
{
    public sealed record Input(BoundModel Model, string Dialect, string SourceName, SourceSymbol? Source, ImmutableArray<DbtModel> Models, ImmutableArray<string> SkippedTiles, DateTimeOffset? AsOf = null);

    public static ImmutableSortedDictionary<string, string> Write(Input input)
    {
        var files = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var project = ProjectName(input.Model.Project.Name);
        files[DbtProject.ProjectFileName] = DbtTemplates.Render(DbtTemplates.Project, new
        {
            comment = "#",
            what = $"dbt project {project}",
            dialect = input.Dialect,
            source = input.SourceName,
            asOf = ProjectCompiler.AsOfClause(input.AsOf),
            files = new[] { ModelFileNames.ProjectFile },
            name = project,
            sourceName = DbtNames.SourceName,
            databaseVariable = DbtNames.DatabaseVariable,
            schemaVariable = DbtNames.SchemaVariable,
            skippedTiles = input.SkippedTiles,
            layout = new
            {
                intermediate = input.Models.Any(m => m.Kind == DbtModelKind.Intermediate),
                views = input.Models.Any(m => m.Kind == DbtModelKind.View),
                mrr = input.Models.Any(m => m.Kind == DbtModelKind.Mrr),
                queries = input.Models.Any(m => m.Kind == DbtModelKind.Query),
                tiles = input.Models.Any(m => m.Kind == DbtModelKind.Tile),
            },
        });
        files[".gitignore"] = DbtTemplates.Render(DbtTemplates.GitIgnore, Header(input, ".gitignore of the dbt project (dbt's own output)", [ModelFileNames.ProjectFile]));
        files["models/sources.yml"] = Sources(input);
        foreach (var model in input.Models)
            files[model.Path] = model.Text;
        foreach (var folder in input.Models.GroupBy(m => m.Path[..m.Path.LastIndexOf('/')], StringComparer.Ordinal))
            files[folder.Key + "/schema.yml"] = Schema(input, folder.Key, [.. folder]);
        return files.ToImmutable();
    }

    private static object Header(Input input, string what, IEnumerable<string> files) => new
    {
        comment = "#",
        what,
        dialect = input.Dialect,
        source = input.SourceName,
        asOf = ProjectCompiler.AsOfClause(input.AsOf),
        files,
    };

    private static string Sources(Input input)
    {
        var read = input.Models.Where(m => m.Kind == DbtModelKind.Staging).SelectMany(m => m.Sources.Select(t => (Table: t, Model: m.Name)))
            .ToDictionary(p => p.Table, p => p.Model, StringComparer.Ordinal);
        var declared = input.Source?.Tables.Keys ?? [.. read.Keys];
        var tables = declared.Union(read.Keys).Order(StringComparer.Ordinal).Select(table =>
        {
            var physical = input.Source?.Tables.GetValueOrDefault(table)?.Table ?? table;
            return new
            {
                name = table,
                identifier = physical == table ? null : physical,
                description = (physical == table ? $"The `{table}` table" : $"The `{physical}` table, the model's logical table `{table}`")
                    + (read.TryGetValue(table, out var model) ? $"; read by {model} only." : "; no model reads it for this source."),
            };
        });
        var files = input.Source is { } source && source.Location.Source is not null ? new[] { source.Location.Path.Replace('\\', '/') } : [ModelFileNames.ProjectFile];
        return DbtTemplates.Render(DbtTemplates.Sources, new
        {
            comment = "#",
            what = $"dbt source {DbtNames.SourceName}",
            dialect = input.Dialect,
            source = input.SourceName,
            asOf = ProjectCompiler.AsOfClause(input.AsOf),
            files,
            sourceName = DbtNames.SourceName,
            description = input.Source?.Description,
            database = DbtNames.YamlQuoted(DbtNames.Variable(DbtNames.DatabaseVariable, input.Source?.Database, "target.database")),
            schema = DbtNames.YamlQuoted(DbtNames.Variable(DbtNames.SchemaVariable, input.Source?.Schema, "target.schema")),
            tables,
        });
    }

    private static string Schema(Input input, string folder, ImmutableArray<DbtModel> models) =>
        DbtTemplates.Render(DbtTemplates.Schema, new
        {
            comment = "#",
            what = $"schema of {folder}",
            dialect = input.Dialect,
            source = input.SourceName,
            asOf = ProjectCompiler.AsOfClause(input.AsOf),
            files = models.SelectMany(m => m.ModelFiles).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
            models = models.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new
            {
                name = m.Name,
                description = m.Description,
                columns = m.Columns.Select(c => new
                {
                    name = c.Name,
                    description = c.Description,
                    tests = c.Tests.Select(Test).ToArray(),
                }),
            }),
        });

    private static object Test(DbtColumnTest test)
    {
        var arguments = new List<object>();
        if (test.To is not null)
            arguments.Add(new { key = "to", value = $"ref({DbtNames.JinjaString(test.To)})" });
        if (test.Field is not null)
            arguments.Add(new { key = "field", value = DbtTemplates.YamlName(test.Field) });
        if (!test.Values.IsDefaultOrEmpty)
        {
            arguments.Add(new { key = "values", value = "[" + string.Join(", ", test.Values.Select(DbtNames.YamlString)) + "]" });
            if (!test.Quote)
                arguments.Add(new { key = "quote", value = "false" });
        }
        return new { name = test.Name, arguments = arguments.Count == 0 ? null : arguments, severity = test.Severity };
    }

    /// <summary>The dbt project name: the model project's name as a lower-case identifier.</summary>
    public static string ProjectName(string name)
    {
        var text = NotIdentifier().Replace(name.ToLowerInvariant(), "_");
        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
            text = "_" + text;
        return text;
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifier();
}
