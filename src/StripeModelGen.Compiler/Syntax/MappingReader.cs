using System.Collections.Immutable;
using System.Globalization;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Syntax;

/// <summary>
/// Reads one YAML mapping as an object with a fixed set of keys: reports unknown keys (with a
/// suggestion) and values of the wrong node kind, and hands out typed access to the known ones.
/// A key with a value of the wrong kind reads as absent, so later stages see one problem, once.
/// Messages name the object by its name when it has one ("dimension `amount`"), else by its kind ("a dimension").
/// </summary>
internal sealed class MappingReader
{
    /// <summary>How the rules of one kind of object read: its keys, keys known by pattern, and hints for near misses.</summary>
    public sealed record Shape(
        IReadOnlyCollection<string> Keys,
        Func<string, bool>? IsKnownPattern = null,
        IReadOnlyCollection<string>? PatternExamples = null,
        IReadOnlyDictionary<string, string>? Aliases = null,
        IReadOnlyList<string>? NameKeys = null,
        string? NamedFormat = null)
    {
        /// <summary>The keys whose value names the object in messages, first present wins; <c>name</c> unless told.</summary>
        public IReadOnlyList<string> NameKeysOrDefault => NameKeys ?? ["name"];
    }

    private readonly YamlMappingSyntax _mapping;
    private readonly string _subject;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _suggested;

    private MappingReader(YamlMappingSyntax mapping, string subject, DiagnosticBag diagnostics, HashSet<string> suggested)
    {
        _mapping = mapping;
        _subject = subject;
        _diagnostics = diagnostics;
        _suggested = suggested;
    }

    public YamlMappingSyntax Syntax => _mapping;

    /// <summary>How messages name this object: "view `charges`", or "a view" before it has a name.</summary>
    public string Subject => _subject;

    /// <summary>Null (after a diagnostic, unless the node is <see cref="YamlNodeSyntax.IsMissing"/>) when <paramref name="node"/> is not a mapping.</summary>
    /// <param name="what">The object's kind with its article ("a view", "an explore", "the project file"), or a fixed description.</param>
    public static MappingReader? Open(YamlNodeSyntax node, string what, Shape shape, DiagnosticBag diagnostics)
    {
        if (node is not YamlMappingSyntax mapping)
        {
            if (!node.IsMissing)
                diagnostics.Report(DiagnosticCatalog.ExpectedMapping, node.Location, what, node.Description);
            return null;
        }
        var subject = NamedSubject(mapping, what, shape);
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        var candidates = shape.PatternExamples is null ? shape.Keys : [.. shape.Keys, .. shape.PatternExamples];
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (shape.Keys.Contains(key) || (shape.IsKnownPattern?.Invoke(key) ?? false))
                continue;
            string? suggestion = null;
            if (shape.Aliases is not null && shape.Aliases.TryGetValue(key, out var alias))
                suggestion = alias;
            suggestion ??= NameSuggester.Suggest(key, candidates);
            if (suggestion is not null)
                suggested.Add(suggestion);
            diagnostics.Add(new Diagnostic(DiagnosticCatalog.UnknownKey, entry.Key.Location, DiagnosticCatalog.UnknownKey.Format(key, subject), suggestion));
        }
        return new MappingReader(mapping, subject, diagnostics, suggested);
    }

    public YamlScalarSyntax? Scalar(string key)
    {
        var entry = _mapping.Find(key);
        if (entry is null || entry.Value.IsMissing)
            return null;
        if (entry.Value is YamlScalarSyntax scalar)
            return scalar.IsNull ? null : scalar;
        _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, entry.Value.Location, $"`{key}` of {_subject}", entry.Value.Description);
        return null;
    }

    /// <summary>
    /// A scalar that must be present and non-empty; null after a diagnostic otherwise. A missing key that
    /// an unknown key was already suggested for (<c>fields:</c> for <c>field:</c>) is not reported twice.
    /// </summary>
    public YamlScalarSyntax? RequiredScalar(string key, bool allowEmptyQuoted = false)
    {
        var entry = _mapping.Find(key);
        if (entry is null)
        {
            ReportMissing(key);
            return null;
        }
        var scalar = Scalar(key);
        if (entry.Value is not YamlScalarSyntax || entry.Value.IsMissing)
            return null;
        if (scalar is null || (scalar.Value.Length == 0 && !(allowEmptyQuoted && scalar.Style != YamlScalarStyle.Plain)))
        {
            _diagnostics.Report(DiagnosticCatalog.EmptyValue, entry.Key.Location, $"`{key}` of {_subject}");
            return null;
        }
        return scalar;
    }

    /// <summary>Reports that <paramref name="key"/> is missing, unless an unknown key was already suggested for it.</summary>
    public void ReportMissing(string key)
    {
        if (!_suggested.Contains(key))
            _diagnostics.Report(DiagnosticCatalog.MissingKey, FirstLineLocation(), Capitalized(_subject), key);
    }

    public YamlMappingSyntax? Mapping(string key)
    {
        var entry = _mapping.Find(key);
        if (entry is null || entry.Value.IsMissing || entry.Value is YamlScalarSyntax { IsNull: true })
            return null;
        if (entry.Value is YamlMappingSyntax mapping)
            return mapping;
        _diagnostics.Report(DiagnosticCatalog.ExpectedMapping, entry.Value.Location, $"`{key}` of {_subject}", entry.Value.Description);
        return null;
    }

    /// <summary>The items of a list; an absent or empty key is an empty list, a scalar or mapping a diagnostic.</summary>
    public ImmutableArray<YamlNodeSyntax> List(string key)
    {
        var entry = _mapping.Find(key);
        if (entry is null || entry.Value.IsMissing || entry.Value is YamlScalarSyntax { IsNull: true })
            return [];
        if (entry.Value is YamlSequenceSyntax sequence)
            return sequence.Items;
        _diagnostics.Report(DiagnosticCatalog.ExpectedList, entry.Value.Location, $"`{key}` of {_subject}", entry.Value.Description);
        return [];
    }

    /// <summary>A list of plain values, such as <c>fields: [a, b]</c> or <c>timeframes: [date, month]</c>.</summary>
    public ImmutableArray<YamlScalarSyntax> ScalarList(string key)
    {
        var builder = ImmutableArray.CreateBuilder<YamlScalarSyntax>();
        foreach (var item in List(key))
        {
            if (item is YamlScalarSyntax { IsNull: false } scalar)
                builder.Add(scalar);
            else if (!item.IsMissing)
                _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, item.Location, $"an item of `{key}` of {_subject}", item.Description);
        }
        return builder.ToImmutable();
    }

    /// <summary>Reads each item of a list of objects with <paramref name="read"/>, skipping the ones that fail.</summary>
    public ImmutableArray<T> Objects<T>(string key, Func<YamlNodeSyntax, T?> read)
        where T : class
    {
        var builder = ImmutableArray.CreateBuilder<T>();
        foreach (var item in List(key))
        {
            if (read(item) is { } value)
                builder.Add(value);
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// Where a missing key is reported: the object's first line (<c>label: Charges</c> of a view without a
    /// name, or <c>{ type: string }</c> of a flow mapping), which places the error on the object without
    /// blaming one of its keys or spanning all of its lines.
    /// </summary>
    private TextLocation FirstLineLocation()
    {
        var source = _mapping.Source;
        var span = _mapping.Span;
        var lineIndex = source.GetLineIndex(span.Start);
        var lineEnd = lineIndex + 1 < source.LineCount ? source.GetLineStart(lineIndex + 1) : source.Length;
        var end = Math.Min(span.End, lineEnd);
        while (end > span.Start && char.IsWhiteSpace(source[end - 1]))
            end--;
        return source.GetLocation(TextSpan.FromBounds(span.Start, end));
    }

    /// <summary>"a view" with <c>name: charges</c> becomes "view `charges`"; other descriptions stay as they are.</summary>
    private static string NamedSubject(YamlMappingSyntax mapping, string what, Shape shape)
    {
        string? value = null;
        foreach (var key in shape.NameKeysOrDefault)
        {
            if (mapping.Find(key)?.Value is YamlScalarSyntax { IsNull: false } name)
            {
                value = name.Value;
                break;
            }
        }
        if (value is null || value.Length is 0 or > 64 || value.Any(c => char.IsControl(c) || c == '`'))
            return what;
        if (shape.NamedFormat is { } format)
            return string.Format(CultureInfo.InvariantCulture, format, value);
        foreach (var article in (ReadOnlySpan<string>)["a ", "an "])
        {
            if (what.StartsWith(article, StringComparison.Ordinal))
                return $"{what[article.Length..]} `{value}`";
        }
        return what;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
