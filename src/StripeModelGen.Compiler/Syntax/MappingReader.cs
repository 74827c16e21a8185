using System.Collections.Immutable;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax.Yaml;

namespace StripeModelGen.Compiler.Syntax;

/// <summary>
/// Reads one YAML mapping as an object with a fixed set of keys: reports unknown keys (with a
/// suggestion) and values of the wrong node kind, and hands out typed access to the known ones.
/// A key with a value of the wrong kind reads as absent, so later stages see one problem, once.
/// </summary>
internal sealed class MappingReader
{
    private readonly YamlMappingSyntax _mapping;
    private readonly string _what;
    private readonly DiagnosticBag _diagnostics;

    private MappingReader(YamlMappingSyntax mapping, string what, DiagnosticBag diagnostics)
    {
        _mapping = mapping;
        _what = what;
        _diagnostics = diagnostics;
    }

    public YamlMappingSyntax Syntax => _mapping;

    /// <summary>Null (after a diagnostic) when <paramref name="node"/> is not a mapping.</summary>
    public static MappingReader? Open(YamlNodeSyntax node, string what, IReadOnlyCollection<string> knownKeys, DiagnosticBag diagnostics, Func<string, bool>? isKnownPattern = null)
    {
        if (node is not YamlMappingSyntax mapping)
        {
            diagnostics.Report(DiagnosticCatalog.ExpectedMapping, node.Location, what, node.Description);
            return null;
        }
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (!knownKeys.Contains(key) && !(isKnownPattern?.Invoke(key) ?? false))
                diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownKey, entry.Key.Location, key, knownKeys, key, what);
        }
        return new MappingReader(mapping, what, diagnostics);
    }

    public YamlScalarSyntax? Scalar(string key)
    {
        var entry = _mapping.Find(key);
        if (entry is null)
            return null;
        if (entry.Value is YamlScalarSyntax scalar)
            return scalar.IsNull ? null : scalar;
        _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, entry.Value.Location, $"`{key}` of {_what}", entry.Value.Description);
        return null;
    }

    /// <summary>A scalar that must be present and non-empty; null after a diagnostic otherwise.</summary>
    public YamlScalarSyntax? RequiredScalar(string key)
    {
        var entry = _mapping.Find(key);
        if (entry is null)
        {
            _diagnostics.Report(DiagnosticCatalog.MissingKey, FirstKeyLocation(), Capitalized(_what), key);
            return null;
        }
        var scalar = Scalar(key);
        if (scalar is null && entry.Value is YamlScalarSyntax)
            _diagnostics.Report(DiagnosticCatalog.EmptyValue, entry.Key.Location, $"`{key}` of {_what}");
        return scalar is { Value.Length: > 0 } ? scalar : null;
    }

    public YamlNodeSyntax? Node(string key) => _mapping.Find(key)?.Value;

    public YamlMappingSyntax? Mapping(string key)
    {
        var entry = _mapping.Find(key);
        if (entry is null || entry.Value is YamlScalarSyntax { IsNull: true })
            return null;
        if (entry.Value is YamlMappingSyntax mapping)
            return mapping;
        _diagnostics.Report(DiagnosticCatalog.ExpectedMapping, entry.Value.Location, $"`{key}` of {_what}", entry.Value.Description);
        return null;
    }

    /// <summary>The items of a list; an absent or empty key is an empty list, a scalar or mapping a diagnostic.</summary>
    public ImmutableArray<YamlNodeSyntax> List(string key)
    {
        var entry = _mapping.Find(key);
        if (entry is null || entry.Value is YamlScalarSyntax { IsNull: true })
            return [];
        if (entry.Value is YamlSequenceSyntax sequence)
            return sequence.Items;
        _diagnostics.Report(DiagnosticCatalog.ExpectedList, entry.Value.Location, $"`{key}` of {_what}", entry.Value.Description);
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
            else
                _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, item.Location, $"an item of `{key}`", item.Description);
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

    private Text.TextLocation FirstKeyLocation() =>
        _mapping.Entries.Length > 0 ? _mapping.Entries[0].Key.Location : _mapping.Location;

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
