using System.Text;

namespace StripeModelGen.Compiler.Filters;

/// <summary>Builds string filter values from data (for example a link that filters on a customer id).</summary>
public static class FilterText
{
    /// <summary>
    /// A string filter alternative that matches exactly <paramref name="value"/>: <c>,</c>, <c>%</c>,
    /// <c>_</c>, <c>^</c>, <c>{</c>, a leading <c>-</c>, surrounding white space and the keywords
    /// <c>NULL</c> and <c>EMPTY</c> are escaped with <c>^</c>. The empty string has no exact filter
    /// (<c>EMPTY</c> also matches NULL), so it is rejected.
    /// </summary>
    public static string EscapeString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
            throw new ArgumentException("The empty string has no exact string filter; `EMPTY` also matches NULL.", nameof(value));
        if (value.Equals("NULL", StringComparison.OrdinalIgnoreCase) || value.Equals("EMPTY", StringComparison.OrdinalIgnoreCase))
            return "^" + value;
        return Escape(value, leading: true, trailing: true);
    }

    /// <summary>
    /// Escapes the literal characters of a pattern piece. <paramref name="leading"/> and
    /// <paramref name="trailing"/> say whether the piece starts or ends the alternative, where a
    /// <c>-</c> or white space would otherwise be read as negation or trimmed.
    /// </summary>
    internal static string Escape(string text, bool leading, bool trailing)
    {
        var builder = new StringBuilder(text.Length + 4);
        var firstKept = 0;
        while (leading && firstKept < text.Length && char.IsWhiteSpace(text[firstKept]))
            firstKept++;
        var lastKept = text.Length - 1;
        while (trailing && lastKept >= 0 && char.IsWhiteSpace(text[lastKept]))
            lastKept--;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c is ',' or '%' or '_' or '^' or '{'
                || (leading && i == 0 && c == '-')
                || (char.IsWhiteSpace(c) && (i < firstKept || i > lastKept));
            if (escape)
                builder.Append('^');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
