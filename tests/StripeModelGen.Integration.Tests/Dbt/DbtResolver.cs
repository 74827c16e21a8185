using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace StripeModelGen.Integration.Tests.Dbt;

/// <summary>Where dbt builds models and what <c>target.*</c> means while it renders.</summary>
internal sealed record DbtTarget(string Database, string Schema);

/// <summary>A model as dbt would run it: its SQL with every Jinja call rendered, its materialisation and the models it reads.</summary>
internal sealed record ResolvedModel(string Name, string Path, string Materialized, string Sql, IReadOnlyList<string> Refs, IReadOnlyList<string> Sources)
{
    public string Relation(DbtTarget target) => DbtResolver.Quote(target.Schema) + "." + DbtResolver.Quote(Name);
}

/// <summary>A declared data test as the SQL dbt runs for it: any row it returns is a failure (a warning with severity <c>warn</c>).</summary>
internal sealed record ResolvedTest(string Model, string Column, string Kind, string Sql, string Severity = "error")
{
    public override string ToString() => $"{Kind} on {Model}.{Column}";
}

/// <summary>A project read the way dbt reads it: models in dependency order, data tests, and every problem found.</summary>
internal sealed record ResolvedProject(IReadOnlyList<ResolvedModel> Models, IReadOnlyList<ResolvedTest> Tests, IReadOnlyList<string> Problems, IReadOnlyDictionary<string, IReadOnlyList<string>> DocumentedColumns);

/// <summary>
/// Reads a generated dbt project without dbt: <c>dbt_project.yml</c>, the YAML files (sources, models and
/// their columns' data tests) and the model files under <c>model-paths</c>. It parses the Jinja of every
/// model (<c>ref</c>, <c>source</c>, <c>config</c>, <c>var</c>, string literals), checks what dbt checks
/// (one model per name, every <c>ref</c> names a model, every <c>source</c> is declared, no cycle, a known
/// materialisation, tests on declared models), orders the models by their refs, and renders them for
/// PostgreSQL: <c>ref</c> as the model's relation in the target schema, <c>source</c> as the declared
/// database, schema and identifier (after rendering the <c>var</c> calls in them).
/// </summary>
internal static class DbtResolver
{
    private static readonly HashSet<string> Materializations = new(StringComparer.Ordinal) { "view", "table" };

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static ResolvedProject Resolve(string directory, DbtTarget target, IReadOnlyDictionary<string, string>? vars = null)
    {
        var problems = new List<string>();
        var project = LoadYaml(Path.Combine(directory, "dbt_project.yml"));
        var modelPaths = project.Children.TryGetValue(new YamlScalarNode("model-paths"), out var paths) && paths is YamlSequenceNode sequence
            ? sequence.Children.Select(c => ((YamlScalarNode)c).Value!).ToList()
            : ["models"];
        foreach (var key in new[] { "name", "config-version", "profile" })
        {
            if (!project.Children.ContainsKey(new YamlScalarNode(key)))
                problems.Add($"dbt_project.yml has no `{key}`");
        }

        string RenderValue(string text) => DbtJinja.Render(text, value => Evaluate(value, target, vars, problems, "a YAML value"));

        var files = modelPaths.SelectMany(p => Directory.Exists(Path.Combine(directory, p))
                ? Directory.EnumerateFiles(Path.Combine(directory, p), "*", SearchOption.AllDirectories)
                : [])
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        // Sources and model properties from every YAML file.
        var sources = new Dictionary<(string Source, string Table), string>();
        var tests = new List<(string Model, string Column, YamlNode Test, string File)>();
        var documented = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            var root = LoadYaml(Path.Combine(directory, file));
            if (!root.Children.TryGetValue(new YamlScalarNode("version"), out var version) || ((YamlScalarNode)version).Value != "2")
                problems.Add($"{file}: `version: 2` is missing");
            if (root.Children.TryGetValue(new YamlScalarNode("sources"), out var sourceList))
            {
                foreach (YamlMappingNode source in ((YamlSequenceNode)sourceList).Children)
                {
                    var name = Scalar(source, "name")!;
                    var database = Scalar(source, "database") is { } db ? RenderValue(db) : target.Database;
                    var schema = Scalar(source, "schema") is { } s ? RenderValue(s) : name;
                    foreach (YamlMappingNode table in ((YamlSequenceNode)source.Children[new YamlScalarNode("tables")]).Children)
                    {
                        var tableName = Scalar(table, "name")!;
                        var identifier = Scalar(table, "identifier") is { } id ? RenderValue(id) : tableName;
                        if (!sources.TryAdd((name, tableName), $"{Quote(database)}.{Quote(schema)}.{Quote(identifier)}"))
                            problems.Add($"{file}: source table {name}.{tableName} is declared twice");
                    }
                }
            }
            if (root.Children.TryGetValue(new YamlScalarNode("models"), out var modelList))
            {
                foreach (YamlMappingNode model in ((YamlSequenceNode)modelList).Children)
                {
                    var name = Scalar(model, "name")!;
                    var columns = new List<string>();
                    if (model.Children.TryGetValue(new YamlScalarNode("columns"), out var columnList))
                    {
                        foreach (YamlMappingNode column in ((YamlSequenceNode)columnList).Children)
                        {
                            var columnName = Scalar(column, "name")!;
                            columns.Add(columnName);
                            foreach (var key in new[] { "data_tests", "tests" })
                            {
                                if (column.Children.TryGetValue(new YamlScalarNode(key), out var testList))
                                    tests.AddRange(((YamlSequenceNode)testList).Children.Select(t => (name, columnName, t, file)));
                            }
                        }
                    }
                    if (!documented.TryAdd(name, columns))
                        problems.Add($"{file}: model {name} is described twice");
                }
            }
        }

        // Models: parse their Jinja.
        var parsed = new Dictionary<string, (string Path, string Text, string? Materialized, List<string> Refs, List<(string, string)> Sources)>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var text = File.ReadAllText(Path.Combine(directory, file));
            string? materialized = null;
            var refs = new List<string>();
            var used = new List<(string, string)>();
            foreach (var expression in DbtJinja.Expressions(text))
            {
                switch (expression)
                {
                    case JinjaCall { Function: "ref" } call when call.Arguments is [JinjaString model] && call.Keywords.Count == 0:
                        refs.Add(model.Value);
                        break;
                    case JinjaCall { Function: "source" } call when call.Arguments is [JinjaString source, JinjaString table] && call.Keywords.Count == 0:
                        used.Add((source.Value, table.Value));
                        break;
                    case JinjaCall { Function: "config" } call when call.Arguments.Count == 0:
                        if (materialized is not null)
                            problems.Add($"{file}: config() is called twice");
                        materialized = call.Keywords.TryGetValue("materialized", out var m) && m is JinjaString s ? s.Value : null;
                        break;
                    case JinjaString or JinjaCall { Function: "var" }:
                        break;
                    default:
                        problems.Add($"{file}: unsupported Jinja expression {expression}");
                        break;
                }
            }
            if (materialized is null || !Materializations.Contains(materialized))
                problems.Add($"{file}: materialized must be view or table, not {materialized ?? "unset"}");
            if (!parsed.TryAdd(name, (file, text, materialized, refs, used)))
                problems.Add($"{file}: a model named {name} already exists at {parsed[name].Path}");
        }
        foreach (var (name, model) in parsed)
        {
            problems.AddRange(model.Refs.Where(r => !parsed.ContainsKey(r)).Select(r => $"{model.Path}: ref('{r}') names no model"));
            problems.AddRange(model.Sources.Where(s => !sources.ContainsKey(s)).Select(s => $"{model.Path}: source('{s.Item1}', '{s.Item2}') is not declared"));
        }
        problems.AddRange(documented.Keys.Where(m => !parsed.ContainsKey(m)).Select(m => $"schema files describe model {m}, which does not exist"));

        var order = TopologicalOrder(parsed.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Refs.Where(parsed.ContainsKey).Distinct().ToList(), StringComparer.Ordinal), problems);
        var resolved = order.Select(name =>
        {
            var model = parsed[name];
            var sql = DbtJinja.Render(model.Text, value => value switch
            {
                JinjaCall { Function: "ref", Arguments: [JinjaString r] } => Quote(target.Schema) + "." + Quote(r.Value),
                JinjaCall { Function: "source", Arguments: [JinjaString s, JinjaString t] } => sources.GetValueOrDefault((s.Value, t.Value)) ?? "undeclared_source",
                JinjaCall { Function: "config" } => string.Empty,
                _ => Evaluate(value, target, vars, problems, model.Path),
            });
            return new ResolvedModel(name, model.Path, model.Materialized ?? "view", sql, model.Refs.Distinct().ToList(), model.Sources.Select(s => $"{s.Item1}.{s.Item2}").Distinct().ToList());
        }).ToList();

        var testSql = new List<ResolvedTest>();
        foreach (var (model, column, test, file) in tests)
        {
            if (!parsed.ContainsKey(model))
                continue;
            if (TestSql(model, column, test, target, parsed.ContainsKey, problems, file) is { } resolvedTest)
                testSql.Add(resolvedTest);
        }
        return new ResolvedProject(resolved, testSql, problems, documented);
    }

    /// <summary>
    /// dbt's generic tests as SQL returning the failing rows: unique (duplicated non-null values), not_null,
    /// accepted_values (values outside the list; NULL passes), relationships (non-null values the parent lacks).
    /// </summary>
    private static ResolvedTest? TestSql(string model, string column, YamlNode test, DbtTarget target, Func<string, bool> exists, List<string> problems, string file)
    {
        var relation = Quote(target.Schema) + "." + Quote(model);
        var quoted = Quote(column);
        string kind;
        YamlMappingNode? arguments = null;
        var severity = "error";
        switch (test)
        {
            case YamlScalarNode scalar:
                kind = scalar.Value!;
                break;
            case YamlMappingNode { Children.Count: 1 } mapping:
                kind = ((YamlScalarNode)mapping.Children.Keys.Single()).Value!;
                var body = (YamlMappingNode)mapping.Children.Values.Single();
                arguments = body.Children.TryGetValue(new YamlScalarNode("arguments"), out var nested) ? (YamlMappingNode)nested : body;
                if (body.Children.TryGetValue(new YamlScalarNode("config"), out var config))
                    severity = Scalar((YamlMappingNode)config, "severity") ?? severity;
                if (severity is not ("error" or "warn"))
                    problems.Add($"{file}: severity `{severity}` of a test of {model}.{column} is neither error nor warn");
                break;
            default:
                problems.Add($"{file}: a test of {model}.{column} is neither a name nor a one-key mapping");
                return null;
        }
        switch (kind)
        {
            case "unique":
                return new ResolvedTest(model, column, kind, $"SELECT {quoted} FROM {relation} WHERE {quoted} IS NOT NULL GROUP BY {quoted} HAVING COUNT(*) > 1", severity);
            case "not_null":
                return new ResolvedTest(model, column, kind, $"SELECT {quoted} FROM {relation} WHERE {quoted} IS NULL", severity);
            case "accepted_values":
            {
                var values = ((YamlSequenceNode)arguments!.Children[new YamlScalarNode("values")]).Children.Select(v => ((YamlScalarNode)v).Value!).ToList();
                var quote = Scalar(arguments, "quote") != "false";
                var list = string.Join(", ", values.Select(v => quote ? "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'" : v));
                return new ResolvedTest(model, column, kind, $"SELECT {quoted} AS value_field, COUNT(*) AS n_records FROM {relation} GROUP BY {quoted} HAVING {quoted} NOT IN ({list})", severity);
            }
            case "relationships":
            {
                var to = Scalar(arguments!, "to")!;
                var field = Scalar(arguments!, "field")!;
                var parent = DbtJinja.Expressions("{{ " + to + " }}").Single() is JinjaCall { Function: "ref", Arguments: [JinjaString p] } ? p.Value : null;
                if (parent is null || !exists(parent))
                {
                    problems.Add($"{file}: the relationships test of {model}.{column} points to `{to}`, which is no model");
                    return null;
                }
                var parentRelation = Quote(target.Schema) + "." + Quote(parent);
                return new ResolvedTest(model, column, $"relationships to {parent}.{field}",
                    $"SELECT child.{quoted} FROM {relation} AS child LEFT JOIN {parentRelation} AS parent ON child.{quoted} = parent.{Quote(field)} WHERE child.{quoted} IS NOT NULL AND parent.{Quote(field)} IS NULL",
                    severity);
            }
            default:
                problems.Add($"{file}: unknown test `{kind}` on {model}.{column}");
                return null;
        }
    }

    private static string Evaluate(JinjaValue value, DbtTarget target, IReadOnlyDictionary<string, string>? vars, List<string> problems, string where)
    {
        switch (value)
        {
            case JinjaString literal:
                return literal.Value;
            case JinjaName { Name: "target.database" }:
                return target.Database;
            case JinjaName { Name: "target.schema" }:
                return target.Schema;
            case JinjaCall { Function: "var", Arguments: [JinjaString name, var fallback] }:
                return vars is not null && vars.TryGetValue(name.Value, out var set) ? set : Evaluate(fallback, target, vars, problems, where);
            case JinjaCall { Function: "var", Arguments: [JinjaString name] }:
                if (vars is not null && vars.TryGetValue(name.Value, out var required))
                    return required;
                problems.Add($"{where}: var('{name.Value}') has no value and no default");
                return string.Empty;
            default:
                problems.Add($"{where}: cannot evaluate {value}");
                return string.Empty;
        }
    }

    /// <summary>Models after the models they read (ties by name); a cycle is a problem naming its models.</summary>
    private static List<string> TopologicalOrder(Dictionary<string, IReadOnlyList<string>> refs, List<string> problems)
    {
        var order = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(string name, Stack<string> path)
        {
            if (state.TryGetValue(name, out var s))
            {
                if (s == 1)
                    problems.Add("ref cycle: " + string.Join(" -> ", path.Reverse().SkipWhile(n => n != name).Append(name)));
                return;
            }
            state[name] = 1;
            path.Push(name);
            foreach (var dependency in refs[name].Order(StringComparer.Ordinal))
                Visit(dependency, path);
            path.Pop();
            state[name] = 2;
            order.Add(name);
        }
        foreach (var name in refs.Keys.Order(StringComparer.Ordinal))
            Visit(name, new Stack<string>());
        return order;
    }

    private static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static string Describe(IEnumerable<string> problems) =>
        string.Join("\n", problems.Select((p, i) => (i + 1).ToString(CultureInfo.InvariantCulture) + ". " + p));
}
