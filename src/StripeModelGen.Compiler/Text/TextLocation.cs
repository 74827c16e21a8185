namespace StripeModelGen.Compiler.Text;

/// <summary>
/// A span inside a particular source. Lines and columns are one-based and computed from the span;
/// a column counts Unicode code points, so a name with an emoji or accented letters points where an editor does.
/// </summary>
public readonly record struct TextLocation(SourceText Source, TextSpan Span)
{
    public string Path => Source.Path;

    public int Line => Source.GetLineIndex(Span.Start) + 1;

    public int Column => ColumnOf(Span.Start);

    public int EndLine => Source.GetLineIndex(Math.Max(Span.Start, Span.End - 1)) + 1;

    /// <summary>The column just past the span, on <see cref="EndLine"/> (a span ending with a line break ends past it, on its line).</summary>
    public int EndColumn => ColumnOf(Span.End, EndLine - 1);

    private int ColumnOf(int position) => ColumnOf(position, Source.GetLineIndex(position));

    private int ColumnOf(int position, int lineIndex)
    {
        var start = Source.GetLineStart(lineIndex);
        var column = 1;
        for (var i = start; i < position && i < Source.Length; i++)
        {
            if (!char.IsLowSurrogate(Source[i]))
                column++;
        }
        return column;
    }

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
