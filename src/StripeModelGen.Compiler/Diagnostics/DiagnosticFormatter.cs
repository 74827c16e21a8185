using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StripeModelGen.Compiler.Diagnostics;

public enum DiagnosticFormat
{
    Text,
    Json,
    Github,
}

/// <summary>Renders diagnostics for people (<c>text</c>), tools (<c>json</c>) and GitHub workflow annotations (<c>github</c>).</summary>
public static class DiagnosticFormatter
{
    public static string Format(IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, string pathPrefix = "") => format switch
    {
        DiagnosticFormat.Json => Json(diagnostics, pathPrefix),
        DiagnosticFormat.Github => Lines(diagnostics, d => Github(d, pathPrefix)),
        _ => Lines(diagnostics, d => Text(d, pathPrefix)),
    };

    /// <summary><c>path:line:col: error SMG2003: message; did you mean `x`?</c></summary>
    public static string Text(Diagnostic diagnostic, string pathPrefix = "")
    {
        var severity = SeverityName(diagnostic.Severity);
        return diagnostic.Location is { } location
            ? $"{pathPrefix}{location.Path}:{location.Line}:{location.Column}: {severity} {diagnostic.Id}: {diagnostic.FullMessage}"
            : $"{severity} {diagnostic.Id}: {diagnostic.FullMessage}";
    }

    /// <summary><c>::error file=path,line=l,col=c,endLine=l,endColumn=c,title=SMG2003::message</c></summary>
    public static string Github(Diagnostic diagnostic, string pathPrefix = "")
    {
        var command = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        };
        var properties = new StringBuilder();
        if (diagnostic.Location is { } location)
        {
            properties.Append("file=").Append(EscapeProperty(pathPrefix + location.Path))
                .Append(",line=").Append(location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(",col=").Append(location.Column.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(",endLine=").Append(location.EndLine.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(",endColumn=").Append(location.EndColumn.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(',');
        }
        properties.Append("title=").Append(EscapeProperty(diagnostic.Id));
        return $"::{command} {properties}::{EscapeData(diagnostic.FullMessage)}";
    }

    public static string Json(IReadOnlyList<Diagnostic> diagnostics, string pathPrefix = "")
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("diagnostics");
            foreach (var diagnostic in diagnostics)
                WriteJson(writer, diagnostic, pathPrefix);
            writer.WriteEndArray();
            writer.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            writer.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteJson(Utf8JsonWriter writer, Diagnostic diagnostic, string pathPrefix)
    {
        writer.WriteStartObject();
        writer.WriteString("id", diagnostic.Id);
        writer.WriteString("severity", SeverityName(diagnostic.Severity));
        writer.WriteString("message", diagnostic.Message);
        if (diagnostic.Suggestion is { } suggestion)
            writer.WriteString("suggestion", suggestion);
        if (diagnostic.Location is { } location)
        {
            writer.WriteString("path", pathPrefix + location.Path);
            writer.WriteNumber("line", location.Line);
            writer.WriteNumber("column", location.Column);
            writer.WriteNumber("endLine", location.EndLine);
            writer.WriteNumber("endColumn", location.EndColumn);
        }
        writer.WriteEndObject();
    }

    private static string Lines(IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, string> line)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics)
            builder.Append(line(diagnostic)).Append('\n');
        return builder.ToString();
    }

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
