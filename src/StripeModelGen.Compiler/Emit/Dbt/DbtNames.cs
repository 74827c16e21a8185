using System.Text;

namespace StripeModelGen.Compiler.Emit.Dbt;

/// <summary>
/// The names and Jinja calls of the generated project: model names per kind, the dbt source and its
/// variables, and escaping for text that dbt renders as Jinja (SQL bodies, YAML descriptions).
/// </summary>
public static class DbtNames
{
    /// <summary>The dbt source every staging model reads: <c>{{ source('stripe', '&lt;table&gt;') }}</c>.</summary>
    public const string SourceName = "stripe";

    /// <summary>The dbt variable overriding the source's database.</summary>
    public const string DatabaseVariable = "stripe_database";

    /// <summary>The dbt variable overriding the source's schema.</summary>
    public const string SchemaVariable = "stripe_schema";

    /// <summary>The longest model name: PostgreSQL truncates longer names (SQL Server allows 128, Snowflake 255).</summary>
    public const int MaxModelNameLength = 63;

    public static string Staging(string table) => $"stg_{SourceName}__{table}";

    public static string Intermediate(string view) => $"int_{view}";

    public static string Query(string name) => $"query_{name}";

    public static string Tile(string dashboard, string tile) => $"tile_{dashboard}__{tile}";

    /// <summary>A query's output column <c>view.field</c> as a model column: <c>view__field</c>.</summary>
    public static string Column(string qualifiedName) => qualifiedName.Replace(".", "__", StringComparison.Ordinal);

    public static string Ref(string model) => $"{{{{ ref({JinjaString(model)}) }}}}";

    public static string Source(string table) => $"{{{{ source({JinjaString(SourceName)}, {JinjaString(table)}) }}}}";

    public static string Config(string materialized) => $"{{{{ config(materialized={JinjaString(materialized)}) }}}}";

    /// <summary><c>{{ var('name', 'default') }}</c>, or with a Jinja expression as the default (<c>target.schema</c>).</summary>
    public static string Variable(string name, string? defaultValue, string defaultExpression) =>
        $"{{{{ var({JinjaString(name)}, {(defaultValue is null ? defaultExpression : JinjaString(defaultValue))}) }}}}";

    /// <summary>A Jinja string literal in single quotes.</summary>
    public static string JinjaString(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Text dbt must pass through unchanged although it renders it as Jinja: each <c>{{</c>, <c>{%</c> and
    /// <c>{#</c> becomes a Jinja expression printing it (<c>{{ '{{' }}</c>); anything else is left alone.
    /// </summary>
    public static string EscapeJinja(string text)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
            return text;
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{' && i + 1 < text.Length && text[i + 1] is '{' or '%' or '#')
            {
                builder.Append("{{ '{").Append(text[i + 1]).Append("' }}");
                i++;
                continue;
            }
            builder.Append(text[i]);
        }
        return builder.ToString();
    }

    /// <summary>A YAML double-quoted scalar, escaped for YAML and for dbt's Jinja rendering of YAML values.</summary>
    public static string YamlString(string value) => YamlQuoted(EscapeJinja(value));

    /// <summary>A YAML double-quoted scalar whose Jinja is meant to be rendered (<c>"{{ var(...) }}"</c>).</summary>
    public static string YamlQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\u2028': builder.Append("\\L"); break;
                case '\u2029': builder.Append("\\P"); break;
                default:
                    if (char.IsControl(c))
                        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
