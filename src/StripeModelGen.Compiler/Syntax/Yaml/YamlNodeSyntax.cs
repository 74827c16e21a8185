using System.Collections.Immutable;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Syntax.Yaml;

public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>A YAML node with the span it was read from. Aliases are resolved to the anchored node.</summary>
public abstract record YamlNodeSyntax(SourceText Source, TextSpan Span)
{
    public TextLocation Location => Source.GetLocation(Span);

    /// <summary>"a mapping", "a list", "`value`": how diagnostics name what they found.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// True for the empty scalar that stands in for a node that could not be read (an alias without its
    /// anchor). Its problem was reported where it was found; readers skip it without a second diagnostic.
    /// </summary>
    public bool IsMissing { get; init; }
}

public sealed record YamlMappingSyntax(SourceText Source, TextSpan Span, ImmutableArray<YamlEntrySyntax> Entries) : YamlNodeSyntax(Source, Span)
{
    public override string Description => "a mapping";

    public YamlEntrySyntax? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                return entry;
        }
        return null;
    }
}

public sealed record YamlEntrySyntax(YamlScalarSyntax Key, YamlNodeSyntax Value);

public sealed record YamlSequenceSyntax(SourceText Source, TextSpan Span, ImmutableArray<YamlNodeSyntax> Items) : YamlNodeSyntax(Source, Span)
{
    public override string Description => "a list";
}

/// <summary>
/// A scalar and a map from each character of its value back to the file, so that an error inside an
/// expression written in a quoted string or a <c>|</c> block points at the exact line and column.
/// </summary>
public sealed record YamlScalarSyntax(SourceText Source, TextSpan Span, string Value, YamlScalarStyle Style, ImmutableArray<int> ValueOffsets)
    : YamlNodeSyntax(Source, Span)
{
    public bool IsNull => Style == YamlScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Description => IsNull ? "an empty value" : $"`{Value}`";

    /// <summary>The file span of characters [start, start + length) of <see cref="Value"/>.</summary>
    public TextSpan GetSourceSpan(int start, int length)
    {
        if (ValueOffsets.IsDefaultOrEmpty)
            return Span;
        var first = ValueOffsets[Math.Clamp(start, 0, ValueOffsets.Length - 1)];
        if (length <= 0)
            return new TextSpan(start >= ValueOffsets.Length ? ValueEnd : first, 0);
        var lastIndex = Math.Clamp(start + length - 1, 0, ValueOffsets.Length - 1);
        var last = ValueOffsets[lastIndex] + 1;
        if (lastIndex + 1 < ValueOffsets.Length && char.IsHighSurrogate(Value[lastIndex]))
            last++;
        return TextSpan.FromBounds(first, Math.Max(first, last));
    }

    public TextLocation GetSourceLocation(int start, int length) => Source.GetLocation(GetSourceSpan(start, length));

    private int ValueEnd => ValueOffsets.IsDefaultOrEmpty ? Span.End : ValueOffsets[^1] + 1;
}
