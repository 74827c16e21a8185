using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Text;

/// <summary>
/// The text of one model file and the path it is reported under (relative to the project, with '/').
/// Line and column numbers are derived from offsets on demand; nothing else stores them.
/// </summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The path diagnostics print: relative to the project root, '/'-separated.</summary>
    public string Path { get; }

    public string Text { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    public char this[int index] => Text[index];

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>Zero-based line index of an offset.</summary>
    public int GetLineIndex(int position)
    {
        var index = _lineStarts.BinarySearch(Math.Clamp(position, 0, Text.Length));
        return index >= 0 ? index : ~index - 1;
    }

    public int GetLineStart(int lineIndex) => _lineStarts[lineIndex];

    /// <summary>Offset of a one-based line and column, as YAML parsers and editors count them.</summary>
    public int GetPosition(int line, int column)
    {
        var lineIndex = Math.Clamp(line - 1, 0, _lineStarts.Length - 1);
        return Math.Min(_lineStarts[lineIndex] + Math.Max(column - 1, 0), Text.Length);
    }

    public TextLocation GetLocation(TextSpan span) => new(this, span);

    private static ImmutableArray<int> ComputeLineStarts(string text)
    {
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                starts.Add(i + 1);
            }
            else if (c is '\r' or '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToImmutable();
    }
}
