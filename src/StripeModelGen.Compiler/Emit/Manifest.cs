using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StripeModelGen.Compiler.Emit;

/// <summary>
/// <c>manifest.json</c>: the dialect, the source, the instant compiled in as "now" (<c>asOf</c>, only when the
/// SQL was compiled with one) and every artifact with its columns and parameters, in a stable order.
/// </summary>
public static class Manifest
{
    public const string FileName = "manifest.json";

    public static string Write(CompiledProject project)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("dialect", project.Dialect);
            json.WriteString("source", project.Source);
            if (project.AsOf is { } asOf)
                json.WriteString("asOf", Sql.AsOf.Format(asOf));
            json.WriteStartArray("artifacts");
            foreach (var artifact in project.Artifacts.OrderBy(a => a.Path, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("kind", artifact.Kind);
                json.WriteString("name", artifact.Name);
                json.WriteString("path", artifact.Path);
                json.WriteStartArray("columns");
                foreach (var column in artifact.Columns)
                {
                    json.WriteStartObject();
                    json.WriteString("name", column.Name);
                    json.WriteString("type", column.Type);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("parameters");
                foreach (var parameter in artifact.Parameters)
                    json.WriteStringValue(parameter);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
