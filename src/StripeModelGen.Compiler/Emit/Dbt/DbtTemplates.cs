using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;

namespace StripeModelGen.Compiler.Emit.Dbt;

/// <summary>
/// The Handlebars templates of the dbt project (<c>templates/dbt/*.hbs</c>, embedded in the compiler as
/// <c>templates/dbt/&lt;file&gt;</c>), compiled once. Values are inserted as they are (no HTML escaping);
/// the helpers <c>yaml</c> (a YAML double-quoted string, Jinja escaped) and <c>yamlName</c> (a plain
/// name, quoted only where YAML would read it as something else) do the escaping templates need.
/// </summary>
internal static partial class DbtTemplates
{
    public const string ResourcePrefix = "templates/dbt/";

    public const string Model = "model.sql";
    public const string Project = "dbt_project.yml";
    public const string Sources = "sources.yml";
    public const string Schema = "schema.yml";
    public const string GitIgnore = "gitignore";

    private const string HeaderPartial = "header";

    /// <summary>Plain scalars YAML 1.1 (dbt's PyYAML) reads as booleans or null.</summary>
    private static readonly FrozenSet<string> YamlReserved = FrozenSet.Create(
        StringComparer.Ordinal, "y", "yes", "n", "no", "true", "false", "on", "off", "null");

    private static readonly Lazy<FrozenDictionary<string, HandlebarsTemplate<object, object>>> Compiled = new(Load);

    /// <summary>The template's text for <paramref name="data"/>, with <c>\n</c> line ends.</summary>
    public static string Render(string name, object data) =>
        Compiled.Value.TryGetValue(name, out var template)
            ? template(data).ReplaceLineEndings("\n")
            : throw new InvalidOperationException($"No template {ResourcePrefix}{name}.hbs is embedded in the compiler");

    /// <summary>The names of the embedded templates (without <c>.hbs</c>), sorted.</summary>
    public static IReadOnlyList<string> Names => [.. Compiled.Value.Keys.Order(StringComparer.Ordinal)];

    private static FrozenDictionary<string, HandlebarsTemplate<object, object>> Load()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            NoEscape = true,
            FormatProvider = CultureInfo.InvariantCulture,
            ThrowOnUnresolvedBindingExpression = true,
        });
        handlebars.RegisterHelper("yaml", (writer, _, arguments) => writer.WriteSafeString(DbtNames.YamlString(Text(arguments))));
        handlebars.RegisterHelper("yamlName", (writer, _, arguments) => writer.WriteSafeString(YamlName(Text(arguments))));

        var texts = ReadAll();
        if (!texts.TryGetValue(HeaderPartial, out var header))
            throw new InvalidOperationException($"No template {ResourcePrefix}{HeaderPartial}.hbs is embedded in the compiler");
        handlebars.RegisterTemplate(HeaderPartial, header);
        return texts.Where(t => t.Key != HeaderPartial)
            .ToFrozenDictionary(t => t.Key, t => handlebars.Compile(t.Value), StringComparer.Ordinal);
    }

    private static Dictionary<string, string> ReadAll()
    {
        var assembly = typeof(DbtTemplates).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(".hbs", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            texts[resource[ResourcePrefix.Length..^".hbs".Length]] = reader.ReadToEnd().ReplaceLineEndings("\n");
        }
        return texts;
    }

    private static string Text(Arguments arguments) =>
        arguments.Length == 1 ? Convert.ToString(arguments[0], CultureInfo.InvariantCulture) ?? string.Empty
            : throw new HandlebarsException($"expected one argument, got {arguments.Length.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A name as a plain YAML scalar when it reads back as the same string, else double-quoted.</summary>
    public static string YamlName(string name) =>
        PlainName().IsMatch(name) && !YamlReserved.Contains(name) ? name : DbtNames.YamlString(name);

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex PlainName();
}
