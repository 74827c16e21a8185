using System.Collections.Immutable;
using System.Globalization;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Syntax.Yaml;

/// <summary>
/// Rebuilds a scalar's value from its raw source, recording for every value character the file offset
/// it came from: YAML folds lines, strips indentation and unescapes quotes, so value index and file
/// offset drift apart. The rebuilt value is compared with the parser's; on any disagreement the map is
/// dropped and locations fall back to the whole scalar, which is coarse but never wrong.
/// </summary>
internal static class ScalarSourceMap
{
    /// <summary>The break offset of a block's last line when the file ends without a line break.</summary>
    private const int NoBreak = -1;

    private readonly record struct Piece(char Char, int Offset, bool Escaped = false);

    public static ImmutableArray<int> Build(SourceText source, TextSpan span, YamlScalarStyle style, string value)
    {
        try
        {
            var pieces = style switch
            {
                YamlScalarStyle.Plain => Flow(source, span.Start, span.End, quoted: false, doubleQuoted: false),
                YamlScalarStyle.SingleQuoted => Flow(source, span.Start + 1, span.End - 1, quoted: true, doubleQuoted: false),
                YamlScalarStyle.DoubleQuoted => Flow(source, span.Start + 1, span.End - 1, quoted: true, doubleQuoted: true),
                _ => Block(source, span, folded: style == YamlScalarStyle.Folded),
            };
            if (pieces is null || pieces.Count != value.Length)
                return default;
            var offsets = ImmutableArray.CreateBuilder<int>(pieces.Count);
            for (var i = 0; i < pieces.Count; i++)
            {
                if (pieces[i].Char != value[i])
                    return default;
                offsets.Add(pieces[i].Offset);
            }
            return offsets.MoveToImmutable();
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            return default;
        }
    }

    private static List<Piece>? Flow(SourceText source, int start, int end, bool quoted, bool doubleQuoted)
    {
        if (start > end)
            return null;
        var lines = new List<List<Piece>>();
        var breaks = new List<int>();
        var joinedByEscape = new List<bool>();
        var line = new List<Piece>();
        var i = start;
        while (i < end)
        {
            var c = source[i];
            if (c is '\r' or '\n')
            {
                lines.Add(line);
                breaks.Add(i);
                joinedByEscape.Add(false);
                line = [];
                i += c == '\r' && i + 1 < end && source[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            if (quoted && !doubleQuoted && c == '\'' && i + 1 < end && source[i + 1] == '\'')
            {
                line.Add(new Piece('\'', i, Escaped: true));
                i += 2;
                continue;
            }
            if (doubleQuoted && c == '\\' && i + 1 < end)
            {
                var next = source[i + 1];
                if (next is '\r' or '\n')
                {
                    lines.Add(line);
                    breaks.Add(i);
                    joinedByEscape.Add(true);
                    line = [];
                    i += next == '\r' && i + 2 < end && source[i + 2] == '\n' ? 3 : 2;
                    continue;
                }
                var (text, length) = Unescape(source, i, end);
                foreach (var ch in text)
                    line.Add(new Piece(ch, i, Escaped: true));
                i += length;
                continue;
            }
            line.Add(new Piece(c, i));
            i++;
        }
        lines.Add(line);

        var result = new List<Piece>();
        var pendingEmpty = 0;
        var pendingBreak = -1;
        var pendingJoined = false;
        var emittedAny = false;
        for (var n = 0; n < lines.Count; n++)
        {
            var content = lines[n];
            var isFirst = n == 0;
            var isLast = n == lines.Count - 1;
            if (!isFirst)
                content = TrimStart(content);
            if (!isLast && !joinedByEscape[n])
                content = TrimEnd(content);
            if (content.Count == 0 && !isFirst && !isLast)
            {
                pendingEmpty++;
                continue;
            }
            if (!isFirst)
            {
                if (pendingEmpty > 0)
                {
                    for (var k = 0; k < pendingEmpty; k++)
                        result.Add(new Piece('\n', pendingBreak));
                }
                else if (!pendingJoined && (emittedAny || content.Count > 0 || isLast))
                {
                    result.Add(new Piece(' ', pendingBreak));
                }
            }
            result.AddRange(content);
            emittedAny |= content.Count > 0;
            pendingEmpty = 0;
            if (n < breaks.Count)
            {
                pendingBreak = breaks[n];
                pendingJoined = joinedByEscape[n];
            }
        }
        return result;
    }

    private static List<Piece> TrimStart(List<Piece> line)
    {
        var skip = 0;
        while (skip < line.Count && !line[skip].Escaped && line[skip].Char is ' ' or '\t')
            skip++;
        return line.GetRange(skip, line.Count - skip);
    }

    private static List<Piece> TrimEnd(List<Piece> line)
    {
        var count = line.Count;
        while (count > 0 && !line[count - 1].Escaped && line[count - 1].Char is ' ' or '\t')
            count--;
        return line.GetRange(0, count);
    }

    private static (string Text, int Length) Unescape(SourceText source, int backslash, int end)
    {
        var code = source[backslash + 1];
        int Hex(int digits) => int.Parse(source.ToString(new TextSpan(backslash + 2, digits)), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return code switch
        {
            '0' => ("\0", 2),
            'a' => ("\a", 2),
            'b' => ("\b", 2),
            't' or '\t' => ("\t", 2),
            'n' => ("\n", 2),
            'v' => ("\v", 2),
            'f' => ("\f", 2),
            'r' => ("\r", 2),
            'e' => ("\x1b", 2),
            ' ' => (" ", 2),
            '"' => ("\"", 2),
            '/' => ("/", 2),
            '\\' => ("\\", 2),
            'N' => ("\u0085", 2),
            '_' => ("\u00a0", 2),
            'L' => ("\u2028", 2),
            'P' => ("\u2029", 2),
            'x' when backslash + 4 <= end => (char.ConvertFromUtf32(Hex(2)), 4),
            'u' when backslash + 6 <= end => (char.ConvertFromUtf32(Hex(4)), 6),
            'U' when backslash + 10 <= end => (char.ConvertFromUtf32(Hex(8)), 10),
            _ => throw new FormatException("unknown escape"),
        };
    }

    private static List<Piece>? Block(SourceText source, TextSpan span, bool folded)
    {
        var i = span.Start + 1;
        var chomping = 'c';
        while (i < span.End && source[i] is '+' or '-' or (>= '1' and <= '9'))
        {
            if (source[i] is >= '1' and <= '9')
                return null; // explicit indentation indicators are relative to the parent: fall back
            chomping = source[i];
            i++;
        }
        while (i < source.Length && source[i] is not ('\r' or '\n'))
            i++;
        var lineIndex = source.GetLineIndex(i) + 1;

        var lines = new List<(int Start, int End, int BreakOffset)>();
        for (var l = lineIndex; l < source.LineCount; l++)
        {
            var lineStart = source.GetLineStart(l);
            if (lineStart >= span.End && lines.Count > 0 && span.End > lines[^1].Start)
                break;
            var lineEnd = l + 1 < source.LineCount ? source.GetLineStart(l + 1) : source.Length;
            var contentEnd = lineEnd;
            while (contentEnd > lineStart && source[contentEnd - 1] is '\r' or '\n')
                contentEnd--;
            lines.Add((lineStart, contentEnd, contentEnd < lineEnd ? contentEnd : NoBreak));
            if (lineEnd >= span.End)
                break;
        }

        var indent = -1;
        foreach (var (start, end, _) in lines)
        {
            var spaces = CountSpaces(source, start, end);
            if (start + spaces < end)
            {
                indent = spaces;
                break;
            }
        }
        var result = new List<Piece>();
        if (indent < 0)
            return result;

        var contentLines = new List<(int Start, int End, int Break, bool Empty)>();
        foreach (var (start, end, breakOffset) in lines)
        {
            var spaces = CountSpaces(source, start, end);
            var empty = start + spaces >= end;
            if (!empty && spaces < indent)
                break;
            contentLines.Add((Math.Min(start + indent, end), end, breakOffset, empty && end - start <= indent));
        }

        var previousNormal = false;
        var pendingBreaks = new List<int>();
        var emitted = false;
        foreach (var (start, end, breakOffset, empty) in contentLines)
        {
            if (empty)
            {
                if (breakOffset != NoBreak)
                    pendingBreaks.Add(breakOffset);
                continue;
            }
            var moreIndented = source[start] is ' ' or '\t';
            if (emitted)
            {
                if (folded && previousNormal && !moreIndented)
                {
                    if (pendingBreaks.Count == 1)
                        result.Add(new Piece(' ', pendingBreaks[0]));
                    else
                        pendingBreaks.Skip(1).ToList().ForEach(b => result.Add(new Piece('\n', b)));
                }
                else
                {
                    pendingBreaks.ForEach(b => result.Add(new Piece('\n', b)));
                }
            }
            else
            {
                pendingBreaks.ForEach(b => result.Add(new Piece('\n', b)));
            }
            pendingBreaks.Clear();
            for (var c = start; c < end; c++)
                result.Add(new Piece(source[c], c));
            if (breakOffset != NoBreak)
                pendingBreaks.Add(breakOffset);
            previousNormal = !moreIndented;
            emitted = true;
        }
        switch (chomping)
        {
            case '-':
                break;
            case '+':
                pendingBreaks.ForEach(b => result.Add(new Piece('\n', b)));
                break;
            default:
                if (emitted && pendingBreaks.Count > 0)
                    result.Add(new Piece('\n', pendingBreaks[0]));
                break;
        }
        return result;
    }

    private static int CountSpaces(SourceText source, int start, int end)
    {
        var n = 0;
        while (start + n < end && source[start + n] == ' ')
            n++;
        return n;
    }
}
