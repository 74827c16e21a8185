using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Testing;

/// <summary>
/// Test input with one span marked: <c>"SUM(amount) [|#|] 1"</c> is the text <c>"SUM(amount) # 1"</c>
/// and the span of <c>#</c>. An empty marker pair <c>[||]</c> marks a zero-length span.
/// </summary>
public static class MarkedText
{
    public const string StartMarker = "[|";
    public const string EndMarker = "|]";

    public static (string Text, TextSpan Span) Parse(string marked)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var start = marked.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : marked.IndexOf(EndMarker, start + StartMarker.Length, StringComparison.Ordinal);
        if (start < 0 || end < 0)
            throw new ArgumentException($"Expected one `{StartMarker}...{EndMarker}` pair in: {marked}", nameof(marked));
        var text = string.Concat(marked.AsSpan(0, start), marked.AsSpan(start + StartMarker.Length, end - start - StartMarker.Length), marked.AsSpan(end + EndMarker.Length));
        if (text.Contains(StartMarker, StringComparison.Ordinal) || text.Contains(EndMarker, StringComparison.Ordinal))
            throw new ArgumentException($"Expected exactly one `{StartMarker}...{EndMarker}` pair in: {marked}", nameof(marked));
        return (text, TextSpan.FromBounds(start, end - StartMarker.Length));
    }

    /// <summary>The inverse of <see cref="Parse"/>: <paramref name="text"/> with <paramref name="span"/> marked, ready to paste into a test.</summary>
    public static string Mark(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        return text[..start] + StartMarker + text[start..end] + EndMarker + text[end..];
    }
}
