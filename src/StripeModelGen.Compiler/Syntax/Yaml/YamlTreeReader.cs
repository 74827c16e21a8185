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
/// on bad input: every problem is a diagnostic. A duplicate key or a second document still yields the
/// tree read so far; a YAML error or a tripped guard yields no tree, so it is the file's one diagnostic.
/// </summary>
public sealed partial class YamlTreeReader
{
    public const int MaxDepth = 64;
    public const int MaxAliasedNodes = 10_000;

    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, (YamlNodeSyntax Node, int Size)> _anchors = new(StringComparer.Ordinal);
    private readonly List<(int Offset, char Closer)> _openFlowCollections = [];
    private Scanner? _scanner;
    private int _aliasedNodes;
    private long _eventBudget;

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
        _scanner = new Scanner(new StringReader(_source.Text));
        var parser = new Parser(_scanner);
        _eventBudget = 16L + (4L * _source.Length);
        try
        {
            YamlNodeSyntax? root = null;
            var documents = 0;
            while (MoveNext(parser))
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
        catch (Exception e) when (e is not GuardTrippedException && ThrownInsideYamlDotNet(e))
        {
            // YamlDotNet throws other exceptions than YamlException on some malformed input (such as
            // InvalidOperationException for an unclosed flow collection followed by more lines).
            ReportParserFailure();
            return null;
        }
        catch (GuardTrippedException)
        {
            // Nesting or alias expansion beyond the limits: hostile or generated input. One diagnostic
            // was reported; reading on would cost time (YamlDotNet scans deep flow nesting in quadratic
            // time) and only add noise, so the file is dropped.
            return null;
        }
    }

    private sealed class GuardTrippedException : Exception
    {
    }

    /// <summary>True when a YamlDotNet method is on the exception's stack: a parser failure, not a bug of ours.</summary>
    private static bool ThrownInsideYamlDotNet(Exception e) =>
        new System.Diagnostics.StackTrace(e, fNeedFileInfo: false).GetFrames()
            .Any(frame => frame.GetMethod()?.DeclaringType?.Assembly == typeof(Parser).Assembly);

    /// <summary>The parser's next event; a stream that ends inside a node, or never ends, is a syntax error.</summary>
    private bool MoveNext(Parser parser)
    {
        if (--_eventBudget < 0)
            throw new YamlException(_scanner!.CurrentPosition, _scanner.CurrentPosition, "The YAML parser made no progress");
        return parser.MoveNext();
    }

    private void Next(Parser parser)
    {
        if (!MoveNext(parser))
            throw new YamlException(_scanner!.CurrentPosition, _scanner.CurrentPosition, "Unexpected end of the file");
    }

    private (YamlNodeSyntax Node, int Size) ReadNode(Parser parser, int depth)
    {
        var current = parser.Current!;
        if (depth > MaxDepth && current is MappingStart or SequenceStart)
        {
            _diagnostics.Report(DiagnosticCatalog.NestingTooDeep, _source.GetLocation(NodeStartSpan(current)), MaxDepth);
            throw new GuardTrippedException();
        }
        (YamlNodeSyntax Node, int Size) result = current switch
        {
            Scalar scalar => (ReadScalar(scalar), 1),
            MappingStart => ReadMapping(parser, depth),
            SequenceStart => ReadSequence(parser, depth),
            AnchorAlias alias => ResolveAlias(alias),
            _ => throw new YamlException(current.Start, current.End, "Unexpected YAML structure here"),
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
        var flow = parser.Current is MappingStart { Style: MappingStyle.Flow };
        if (flow)
            _openFlowCollections.Add((start, '}'));
        var entries = ImmutableArray.CreateBuilder<YamlEntrySyntax>();
        var seen = new Dictionary<string, YamlScalarSyntax>(StringComparer.Ordinal);
        var size = 1;
        Next(parser);
        while (parser.Current is not MappingEnd)
        {
            var (keyNode, keySize) = ReadNode(parser, depth + 1);
            Next(parser);
            if (parser.Current is MappingEnd)
            {
                // YamlDotNet can end a malformed mapping after a key; its own error follows when it reads on.
                break;
            }
            var (valueNode, valueSize) = ReadNode(parser, depth + 1);
            Next(parser);
            size += keySize + valueSize;
            if (keyNode.IsMissing)
                continue;
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
        if (flow)
            _openFlowCollections.RemoveAt(_openFlowCollections.Count - 1);
        var end = CollectionEnd(parser.Current, start, '}');
        return (new YamlMappingSyntax(_source, TrimTrailingSpace(TextSpan.FromBounds(start, end)), entries.ToImmutable()), size);
    }

    private (YamlNodeSyntax, int) ReadSequence(Parser parser, int depth)
    {
        var start = Offset(parser.Current!.Start);
        var flow = parser.Current is SequenceStart { Style: SequenceStyle.Flow };
        if (flow)
            _openFlowCollections.Add((start, ']'));
        var items = ImmutableArray.CreateBuilder<YamlNodeSyntax>();
        var size = 1;
        Next(parser);
        while (parser.Current is not SequenceEnd)
        {
            var (item, itemSize) = ReadNode(parser, depth + 1);
            items.Add(item);
            size += itemSize;
            Next(parser);
        }
        if (flow)
            _openFlowCollections.RemoveAt(_openFlowCollections.Count - 1);
        var end = CollectionEnd(parser.Current, start, ']');
        return (new YamlSequenceSyntax(_source, TrimTrailingSpace(TextSpan.FromBounds(start, end)), items.ToImmutable()), size);
    }

    private (YamlNodeSyntax, int) ResolveAlias(AnchorAlias alias)
    {
        var location = Location(alias.Start, alias.End);
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownAlias, location, alias.Value.Value);
            return (new YamlScalarSyntax(_source, location.Span, string.Empty, YamlScalarStyle.Plain, default) { IsMissing = true }, 1);
        }
        _aliasedNodes += target.Size;
        if (_aliasedNodes > MaxAliasedNodes)
        {
            _diagnostics.Report(DiagnosticCatalog.AliasLimit, location, MaxAliasedNodes);
            throw new GuardTrippedException();
        }
        return target;
    }

    /// <summary>
    /// The end of a collection: YamlDotNet's end event of a flow collection sits on the closing bracket
    /// without covering it, so the bracket is added; a block collection ends where its last node ends.
    /// </summary>
    private int CollectionEnd(ParsingEvent endEvent, int start, char closer)
    {
        var end = Math.Max(start, Offset(endEvent.End));
        var at = Offset(endEvent.Start);
        if (at >= start && at < _source.Length && _source[at] == closer)
            end = Math.Max(end, at + 1);
        return end;
    }

    /// <summary>The span of a node's start: its event's span, or when that is empty its indicator (<c>-</c>, <c>[</c>, <c>{</c>) or first word.</summary>
    private TextSpan NodeStartSpan(ParsingEvent node)
    {
        var start = Offset(node.Start);
        var end = Math.Max(start, Offset(node.End));
        return end > start ? TrimTrailingSpace(TextSpan.FromBounds(start, end)) : WordAt(start);
    }

    /// <summary>The token at <paramref name="position"/>: one indicator character, a word up to white space or punctuation, or an empty span at the end.</summary>
    private TextSpan WordAt(int position)
    {
        if (position >= _source.Length || _source[position] is '\r' or '\n')
            return new TextSpan(position, 0);
        if (_source[position] is '-' or '[' or ']' or '{' or '}' or '?' or ',' or ':' or '\t' or ' ' or '"' or '\'')
            return new TextSpan(position, 1);
        var end = position;
        while (end < _source.Length && !char.IsWhiteSpace(_source[end]) && _source[end] is not (':' or ',' or '[' or ']' or '{' or '}' or '#'))
            end++;
        return TextSpan.FromBounds(position, Math.Max(end, position + 1));
    }

    private void ReportSyntaxError(YamlException e)
    {
        var position = Offset(e.Start);
        var end = Math.Max(Offset(e.End), position);
        var raw = MarkPrefix().Replace(e.Message, string.Empty).Trim().TrimEnd('.');
        var tab = FindIndentationTab(position, raw.Contains("tab", StringComparison.OrdinalIgnoreCase));
        if (tab >= 0)
        {
            _diagnostics.Report(DiagnosticCatalog.YamlTab, _source.GetLocation(new TextSpan(tab, 1)));
            return;
        }
        if (QuotedScalarProblem(position, raw) is { } quoted)
        {
            _diagnostics.Report(DiagnosticCatalog.YamlSyntax, _source.GetLocation(quoted.Span), quoted.Message);
            return;
        }
        if ((raw.Contains("',' or ']'", StringComparison.Ordinal) || raw.Contains("',' or '}'", StringComparison.Ordinal)) && ReportUnclosedFlowCollection(position))
            return;
        if (TextAfterClosingQuote(position) is { } after)
        {
            _diagnostics.Report(DiagnosticCatalog.YamlSyntax, _source.GetLocation(after), "Unexpected text after the closing quote; put the whole value in quotes");
            return;
        }
        var message = FriendlyMessage(raw, position);
        var span = end > position ? TrimTrailingSpace(TextSpan.FromBounds(position, end)) : WordAt(position);
        if (span.Length == 0 && end > position)
            span = WordAt(position);
        _diagnostics.Report(DiagnosticCatalog.YamlSyntax, _source.GetLocation(span), message);
    }

    /// <summary>An unclosed or badly continued quoted string, reported at its opening quote.</summary>
    private (TextSpan Span, string Message)? QuotedScalarProblem(int position, string raw)
    {
        if (!raw.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase) || position >= _source.Length || _source[position] is not ('"' or '\''))
            return null;
        var quote = _source[position];
        var span = new TextSpan(position, 1);
        if (raw.Contains("end of stream", StringComparison.OrdinalIgnoreCase))
            return (span, $"This quoted string is never closed; add the closing `{quote}`");
        if (raw.Contains("indentation", StringComparison.OrdinalIgnoreCase) || raw.Contains("document", StringComparison.OrdinalIgnoreCase))
            return (span, $"This quoted string is not closed on its line, and the next line is not indented as its continuation; add the closing `{quote}`");
        if (raw.Contains("escape", StringComparison.OrdinalIgnoreCase) && quote == '"')
        {
            var escape = FindInvalidEscape(position);
            var text = _source.ToString(escape);
            return (escape, $"`{text}` is not an escape sequence in a double-quoted YAML string; write `\\\\{text[1..]}` for a backslash, or use single quotes");
        }
        return null;
    }

    /// <summary>The first backslash sequence YAML does not know in the double-quoted string opening at <paramref name="quote"/>.</summary>
    private TextSpan FindInvalidEscape(int quote)
    {
        for (var i = quote + 1; i + 1 < _source.Length && _source[i] != '"'; i++)
        {
            if (_source[i] != '\\')
                continue;
            var next = _source[i + 1];
            if (next is not ('0' or 'a' or 'b' or 't' or '\t' or 'n' or 'v' or 'f' or 'r' or 'e' or ' ' or '"' or '/' or '\\' or 'N' or '_' or 'L' or 'P' or 'x' or 'u' or 'U' or '\r' or '\n'))
                return new TextSpan(i, char.IsSurrogate(next) ? 1 : 2);
            i++;
        }
        return new TextSpan(quote, 1);
    }

    /// <summary>A word right after a quoted value on the same line (<c>label: "Charges" extra</c>).</summary>
    private TextSpan? TextAfterClosingQuote(int position)
    {
        var before = position - 1;
        while (before >= 0 && _source[before] is ' ' or '\t')
            before--;
        if (before < 0 || before == position - 1 || _source[before] is not ('"' or '\''))
            return null;
        var word = WordAt(position);
        return word.Length > 0 ? word : null;
    }

    /// <summary>
    /// Reports the innermost flow collection still open as not closed; false when none is known. The parser
    /// may fail while scanning ahead, before it reported the collection's start: then the nearest line above
    /// the failure with a bracket it does not close is taken.
    /// </summary>
    private bool ReportUnclosedFlowCollection(int position)
    {
        (int Offset, char Closer) open;
        if (_openFlowCollections.Count > 0)
            open = _openFlowCollections[^1];
        else if (FindUnclosedBracketAbove(position) is { } found)
            open = found;
        else
            return false;
        var (offset, closer) = open;
        var what = closer == ']' ? "list" : "mapping";
        _diagnostics.Report(DiagnosticCatalog.YamlSyntax, _source.GetLocation(new TextSpan(offset, 1)), $"This {what} is not closed; add the closing `{closer}`");
        return true;
    }

    private (int Offset, char Closer)? FindUnclosedBracketAbove(int position)
    {
        var line = _source.GetLineIndex(position);
        for (var l = line; l >= Math.Max(0, line - 50); l--)
        {
            var open = new Stack<(int, char)>();
            var end = l + 1 < _source.LineCount ? _source.GetLineStart(l + 1) : _source.Length;
            char quote = '\0';
            for (var i = _source.GetLineStart(l); i < end; i++)
            {
                var c = _source[i];
                if (quote != '\0')
                {
                    if (c == '\\' && quote == '"')
                        i++;
                    else if (c == quote)
                        quote = '\0';
                    continue;
                }
                if (c == '#' && (i == 0 || char.IsWhiteSpace(_source[i - 1])))
                    break;
                if (c is '"' or '\'')
                    quote = c;
                else if (c == '[')
                    open.Push((i, ']'));
                else if (c == '{')
                    open.Push((i, '}'));
                else if (c is ']' or '}' && open.Count > 0)
                    open.Pop();
            }
            if (open.Count > 0)
                return open.Peek();
        }
        return null;
    }

    /// <summary>YamlDotNet failed without a position: blame an unclosed flow collection when there is one, else where the scanner stopped.</summary>
    private void ReportParserFailure()
    {
        var position = _scanner is null ? 0 : Offset(_scanner.CurrentPosition);
        if (ReportUnclosedFlowCollection(position))
            return;
        _diagnostics.Report(DiagnosticCatalog.YamlSyntax, _source.GetLocation(WordAt(Math.Min(position, _source.Length))), "Invalid YAML here");
    }

    /// <summary>YamlDotNet's wording for the mistakes people make most, said in terms of what to change.</summary>
    private string FriendlyMessage(string raw, int position)
    {
        foreach (var (fragment, friendly) in FriendlyMessages)
        {
            if (raw.Contains(fragment, StringComparison.OrdinalIgnoreCase))
                return friendly;
        }
        if (raw.Contains("cannot start any token", StringComparison.OrdinalIgnoreCase) && position < _source.Length)
            return $"`{_source[position]}` cannot start a plain value; put the value in quotes";
        if (raw.Length == 0)
            return "Invalid YAML";
        return char.ToUpperInvariant(raw[0]) + raw[1..];
    }

    private static readonly (string Fragment, string Message)[] FriendlyMessages =
    [
        ("did not find expected '-' indicator", "Expected a list item (`- ...`) here; check the indentation of this line"),
        ("did not find expected key", "Expected a `key: value` here; check the indentation of this line"),
        ("mapping values are not allowed in this context", "A `: ` is not allowed here; check the indentation of this line, or put the value in quotes if it contains `: `"),
        ("found invalid mapping", "A `: ` is not allowed here; check the indentation of this line, or put the value in quotes if it contains `: `"),
        ("did not find expected ',' or ']'", "This list is not closed: expected `,` or `]`"),
        ("did not find expected ',' or '}'", "This mapping is not closed: expected `,` or `}`"),
        ("could not find expected ':'", "Expected `:` after this key"),
        ("did not find expected node content", "Expected a value here"),
    ];

    /// <summary>
    /// A tab in the leading white space of a line, which is what YAML rejects: on the error's line or the
    /// one before it, or, when the parser's message is about a tab it found elsewhere, the first such line after it.
    /// </summary>
    private int FindIndentationTab(int position, bool messageMentionsTab)
    {
        var line = _source.GetLineIndex(position);
        for (var l = line; l >= Math.Max(0, line - 1); l--)
        {
            if (LeadingTab(l) is var tab and >= 0)
                return tab;
        }
        if (!messageMentionsTab)
            return -1;
        for (var l = line + 1; l < _source.LineCount; l++)
        {
            if (LeadingTab(l) is var tab and >= 0)
                return tab;
        }
        return -1;
    }

    private int LeadingTab(int lineIndex)
    {
        for (var i = _source.GetLineStart(lineIndex); i < _source.Length && _source[i] is ' ' or '\t'; i++)
        {
            if (_source[i] == '\t')
                return i;
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
