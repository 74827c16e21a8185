using System.Collections.Immutable;
using System.Text.RegularExpressions;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StripeModelGen.Compiler.Syntax.Yaml;

/// <summary>
/// Turns YamlDotNet's parser events into a <see cref="YamlNodeSyntax"/> tree with spans. Guards:
/// nesting depth, alias expansion (alias bombs), duplicate keys, one document per file. Never throws
/// on bad input: every problem is a diagnostic and the tree is returned as far as it could be read.
/// </summary>
public sealed partial class YamlTreeReader
{
    public const int MaxDepth = 64;
    public const int MaxAliasedNodes = 10_000;

    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, (YamlNodeSyntax Node, int Size)> _anchors = new(StringComparer.Ordinal);
    private int _aliasedNodes;
    private bool _aliasLimitReported;

    private YamlTreeReader(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    /// <summary>The root node of the file's single document, or null when the file is empty or unreadable.</summary>
    public static YamlNodeSyntax? Read(SourceText source, DiagnosticBag diagnostics) =>
        new YamlTreeReader(source, diagnostics).ReadDocument();

    private YamlNodeSyntax? ReadDocument()
    {
        var parser = new Parser(new StringReader(_source.Text));
        try
        {
            YamlNodeSyntax? root = null;
            var documents = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart start:
                        documents++;
                        if (documents > 1)
                        {
                            _diagnostics.Report(DiagnosticCatalog.MultipleDocuments, Location(start.Start, start.End));
                            return root;
                        }
                        break;
                    case NodeEvent:
                        root = ReadNode(parser, depth: 1).Node;
                        break;
                }
            }
            return root;
        }
        catch (YamlException e)
        {
            ReportSyntaxError(e);
            return null;
        }
    }

    private (YamlNodeSyntax Node, int Size) ReadNode(Parser parser, int depth)
    {
        var current = parser.Current!;
        if (depth > MaxDepth && current is MappingStart or SequenceStart)
        {
            _diagnostics.Report(DiagnosticCatalog.NestingTooDeep, Location(current.Start, current.End), MaxDepth);
            var start = Offset(current.Start);
            var end = SkipNode(parser);
            return (EmptyScalar(TextSpan.FromBounds(start, Math.Max(start, end))), 1);
        }
        (YamlNodeSyntax Node, int Size) result = current switch
        {
            Scalar scalar => (ReadScalar(scalar), 1),
            MappingStart => ReadMapping(parser, depth),
            SequenceStart => ReadSequence(parser, depth),
            AnchorAlias alias => ResolveAlias(alias),
            _ => throw new InvalidOperationException($"Unexpected YAML event {current.GetType().Name}"),
        };
        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
            _anchors[anchored.Anchor.Value] = result;
        return result;
    }

    private YamlScalarSyntax ReadScalar(Scalar scalar)
    {
        var span = TextSpan.FromBounds(Offset(scalar.Start), Math.Max(Offset(scalar.Start), Offset(scalar.End)));
        var style = scalar.Style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal => YamlScalarStyle.Literal,
            ScalarStyle.Folded => YamlScalarStyle.Folded,
            _ => YamlScalarStyle.Plain,
        };
        if (style is YamlScalarStyle.Plain or YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted)
            span = TrimTrailingSpace(span);
        var offsets = ScalarSourceMap.Build(_source, span, style, scalar.Value);
        return new YamlScalarSyntax(_source, span, scalar.Value, style, offsets);
    }

    private (YamlNodeSyntax, int) ReadMapping(Parser parser, int depth)
    {
        var start = Offset(parser.Current!.Start);
        var entries = ImmutableArray.CreateBuilder<YamlEntrySyntax>();
        var seen = new Dictionary<string, YamlScalarSyntax>(StringComparer.Ordinal);
        var size = 1;
        parser.MoveNext();
        while (parser.Current is not MappingEnd)
        {
            var (keyNode, keySize) = ReadNode(parser, depth + 1);
            parser.MoveNext();
            var (valueNode, valueSize) = ReadNode(parser, depth + 1);
            parser.MoveNext();
            size += keySize + valueSize;
            if (keyNode is not YamlScalarSyntax key)
            {
                _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, keyNode.Location, "a mapping key", keyNode.Description);
                continue;
            }
            if (seen.TryGetValue(key.Value, out var first))
            {
                _diagnostics.Report(DiagnosticCatalog.DuplicateKey, key.Location, key.Value, first.Location.Line);
                continue;
            }
            seen[key.Value] = key;
            entries.Add(new YamlEntrySyntax(key, valueNode));
        }
        var end = Math.Max(start, Offset(parser.Current.End));
        return (new YamlMappingSyntax(_source, TrimTrailingSpace(TextSpan.FromBounds(start, end)), entries.ToImmutable()), size);
    }

    private (YamlNodeSyntax, int) ReadSequence(Parser parser, int depth)
    {
        var start = Offset(parser.Current!.Start);
        var items = ImmutableArray.CreateBuilder<YamlNodeSyntax>();
        var size = 1;
        parser.MoveNext();
        while (parser.Current is not SequenceEnd)
        {
            var (item, itemSize) = ReadNode(parser, depth + 1);
            items.Add(item);
            size += itemSize;
            parser.MoveNext();
        }
        var end = Math.Max(start, Offset(parser.Current.End));
        return (new YamlSequenceSyntax(_source, TrimTrailingSpace(TextSpan.FromBounds(start, end)), items.ToImmutable()), size);
    }

    private (YamlNodeSyntax, int) ResolveAlias(AnchorAlias alias)
    {
        var location = Location(alias.Start, alias.End);
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownAlias, location, alias.Value.Value);
            return (EmptyScalar(location.Span), 1);
        }
        _aliasedNodes += target.Size;
        if (_aliasedNodes > MaxAliasedNodes)
        {
            if (!_aliasLimitReported)
                _diagnostics.Report(DiagnosticCatalog.AliasLimit, location, MaxAliasedNodes);
            _aliasLimitReported = true;
            return (EmptyScalar(location.Span), 1);
        }
        return target;
    }

    private YamlScalarSyntax EmptyScalar(TextSpan span) => new(_source, span, string.Empty, YamlScalarStyle.Plain, default);

    /// <summary>Consumes the events of the node at the cursor without building it; returns its end offset.</summary>
    private int SkipNode(Parser parser)
    {
        var level = 0;
        do
        {
            var current = parser.Current!;
            if (current is MappingStart or SequenceStart)
                level++;
            else if (current is MappingEnd or SequenceEnd)
                level--;
            if (level == 0)
                return Offset(current.End);
        }
        while (parser.MoveNext());
        return _source.Length;
    }

    private void ReportSyntaxError(YamlException e)
    {
        var position = Offset(e.Start);
        var end = Math.Max(Offset(e.End), position);
        var tab = FindIndentationTab(position);
        if (tab >= 0)
        {
            _diagnostics.Report(DiagnosticCatalog.YamlTab, _source.GetLocation(new TextSpan(tab, 1)));
            return;
        }
        var message = MarkPrefix().Replace(e.Message, string.Empty).Trim();
        if (message.Length == 0)
            message = "Invalid YAML";
        message = char.ToUpperInvariant(message[0]) + message[1..];
        _diagnostics.Report(DiagnosticCatalog.YamlSyntax, _source.GetLocation(TextSpan.FromBounds(position, end)), message.TrimEnd('.'));
    }

    /// <summary>A tab in the leading whitespace of the error's line or the line before it, which is what YAML rejects.</summary>
    private int FindIndentationTab(int position)
    {
        var line = _source.GetLineIndex(position);
        for (var l = line; l >= Math.Max(0, line - 1); l--)
        {
            for (var i = _source.GetLineStart(l); i < _source.Length && _source[i] is ' ' or '\t'; i++)
            {
                if (_source[i] == '\t')
                    return i;
            }
        }
        return -1;
    }

    private TextSpan TrimTrailingSpace(TextSpan span)
    {
        var end = Math.Min(span.End, _source.Length);
        while (end > span.Start && char.IsWhiteSpace(_source[end - 1]))
            end--;
        return TextSpan.FromBounds(span.Start, end);
    }

    private int Offset(Mark mark) => (int)Math.Clamp(mark.Index, 0, _source.Length);

    private TextLocation Location(Mark start, Mark end) =>
        _source.GetLocation(TextSpan.FromBounds(Offset(start), Math.Max(Offset(start), Offset(end))));

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
