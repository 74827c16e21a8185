using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace StripeModelGen.Compiler.Dialects;

/// <summary>A piece of a <see cref="SqlTemplate"/>: text copied as is, or a hole filled by the writer.</summary>
public abstract record SqlTemplatePart;

public sealed record SqlTemplateText(string Text) : SqlTemplatePart;

/// <summary>
/// <c>{0}</c>, <c>{args}</c>, <c>{name}</c>... <see cref="Index"/> is set for argument holes. A hole is
/// <see cref="Delimited"/> when the text around it closes off any expression (<c>(</c>, <c>,</c>,
/// <c>WHEN</c> before it; <c>)</c>, <c>,</c>, <c>AS</c> after it...): the writer then inserts the argument
/// as is; elsewhere it parenthesises any argument that is not a primary. <see cref="InString"/>: inside a
/// quoted string (only date parts may go there; the loader checks).
/// </summary>
public sealed record SqlTemplateHole(string Name, int? Index, bool Delimited, bool InString, int Offset) : SqlTemplatePart;

/// <summary>
/// A template from a dialect file, parsed at load time. <see cref="IsPrimary"/>: the rendered text is a
/// single primary (a call <c>F(...)</c>, a keyword such as <c>CURRENT_DATE</c>, or text wholly in
/// parentheses), so it needs no parentheses as an operand. <see cref="EndsWithCall"/>: it ends with a
/// call, so <c>FILTER (...)</c>, <c>IGNORE NULLS</c> and <c>OVER (...)</c> can follow it.
/// </summary>
public sealed record SqlTemplate(string Text, ImmutableArray<SqlTemplatePart> Parts, bool IsPrimary, bool EndsWithCall)
{
    public IEnumerable<SqlTemplateHole> Holes => Parts.OfType<SqlTemplateHole>();

    public bool Has(string hole) => Holes.Any(h => h.Name == hole);

    /// <summary>Fills the holes with <paramref name="fill"/>; text parts are copied.</summary>
    public string Render(Func<SqlTemplateHole, string> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var builder = new StringBuilder(Text.Length + 16);
        foreach (var part in Parts)
            builder.Append(part is SqlTemplateText text ? text.Text : fill((SqlTemplateHole)part));
        return builder.ToString();
    }

    public override string ToString() => Text;

    /// <summary>
    /// Parses template text. Problems (an unclosed hole or quote, unbalanced brackets, a bad hole name)
    /// are reported through <paramref name="error"/> with the offset and length in <paramref name="text"/>;
    /// null is returned after the first one.
    /// </summary>
    public static SqlTemplate? Parse(string text, Action<int, int, string> error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        var parts = ImmutableArray.CreateBuilder<SqlTemplatePart>();
        var literal = new StringBuilder();
        // What the text outside holes looks like with each hole replaced by a placeholder character,
        // so that delimiters and bracket structure can be judged on plain text.
        var shape = new StringBuilder(text.Length);
        var holeShapeOffsets = new List<int>();
        var brackets = new Stack<(char Closer, int Offset)>();
        char quote = '\0';
        var quoteStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                shape.Append('{');
                i++;
                continue;
            }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                shape.Append('}');
                i++;
                continue;
            }
            if (c == '}')
            {
                error(i, 1, "`}` without a `{`; write `}}` for a literal brace");
                return null;
            }
            if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    error(i, 1, "`{` is not closed; write `{{` for a literal brace");
                    return null;
                }
                var name = text[(i + 1)..close];
                if (name.Length == 0 || !name.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                {
                    error(i, close - i + 1, $"`{{{name}}}` is not a hole: holes are `{{0}}`, `{{1}}`... or lower-case names such as `{{args}}`");
                    return null;
                }
                int? index = name.All(char.IsAsciiDigit) ? int.Parse(name, NumberStyles.None, CultureInfo.InvariantCulture) : null;
                if (literal.Length > 0)
                {
                    parts.Add(new SqlTemplateText(literal.ToString()));
                    literal.Clear();
                }
                parts.Add(new SqlTemplateHole(name, index, Delimited: false, InString: quote != '\0', Offset: i));
                holeShapeOffsets.Add(shape.Length);
                shape.Append(quote != '\0' ? 'x' : name == DistinctHole ? Transparent : Opaque);
                i = close;
                continue;
            }
            literal.Append(c);
            shape.Append(c);
            if (quote != '\0')
            {
                if (c == quote)
                {
                    if (i + 1 < text.Length && text[i + 1] == quote)
                    {
                        literal.Append(quote);
                        shape.Append(quote);
                        i++;
                    }
                    else
                    {
                        quote = '\0';
                    }
                }
                continue;
            }
            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    quoteStart = i;
                    break;
                case '(':
                    brackets.Push((')', i));
                    break;
                case '[':
                    brackets.Push((']', i));
                    break;
                case ')' or ']':
                    if (brackets.Count == 0 || brackets.Peek().Closer != c)
                    {
                        error(i, 1, $"`{c}` does not close anything");
                        return null;
                    }
                    brackets.Pop();
                    break;
            }
        }
        if (quote != '\0')
        {
            error(quoteStart, 1, $"this `{quote}` is not closed");
            return null;
        }
        if (brackets.Count > 0)
        {
            var (closer, offset) = brackets.Peek();
            error(offset, 1, $"this `{text[offset]}` is not closed by a `{closer}`");
            return null;
        }
        if (literal.Length > 0)
            parts.Add(new SqlTemplateText(literal.ToString()));

        var shapeText = shape.ToString();
        var holeNumber = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            if (parts[p] is not SqlTemplateHole hole)
                continue;
            var at = holeShapeOffsets[holeNumber++];
            if (!hole.InString)
                parts[p] = hole with { Delimited = DelimitedBefore(shapeText, at) && DelimitedAfter(shapeText, at + 1) };
        }
        return new SqlTemplate(text, parts.ToImmutable(), IsPrimaryShape(shapeText), EndsWithCallShape(shapeText));
    }

    private static readonly string[] OpeningWords = ["WHEN", "THEN", "ELSE", "BY", "FROM", "FOR", "SELECT", "WHERE"];
    private static readonly string[] ClosingWords = ["THEN", "ELSE", "END", "WHEN", "AS", "FROM", "FOR", "ORDER", "ASC", "DESC"];

    /// <summary>The hole that renders <c>DISTINCT </c> or nothing: it never delimits an argument.</summary>
    public const string DistinctHole = "distinct";

    /// <summary>Placeholders in the shape text: a hole rendering a keyword or nothing, and any other hole.</summary>
    private const char Transparent = '\u0001';
    private const char Opaque = '\u0002';

    private static bool IsTransparent(char c) => c == Transparent;

    private static bool DelimitedBefore(string shape, int position)
    {
        var i = position - 1;
        while (i >= 0 && (char.IsWhiteSpace(shape[i]) || IsTransparent(shape[i])))
            i--;
        if (i < 0)
            return false;
        if (shape[i] is '(' or ',' or '[')
            return true;
        return OpeningWords.Contains(WordEndingAt(shape, i), StringComparer.OrdinalIgnoreCase);
    }

    private static bool DelimitedAfter(string shape, int position)
    {
        var i = position;
        while (i < shape.Length && char.IsWhiteSpace(shape[i]))
            i++;
        if (i >= shape.Length)
            return false;
        if (shape[i] is ')' or ',' or ']')
            return true;
        return ClosingWords.Contains(WordStartingAt(shape, i), StringComparer.OrdinalIgnoreCase);
    }

    private static string WordEndingAt(string shape, int end)
    {
        var start = end;
        while (start >= 0 && IsWordChar(shape[start]))
            start--;
        return shape[(start + 1)..(end + 1)];
    }

    private static string WordStartingAt(string shape, int start)
    {
        var end = start;
        while (end < shape.Length && IsWordChar(shape[end]))
            end++;
        return shape[start..end];
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>
    /// A single word; <c>WORD(...)</c>; or <c>(...)</c> optionally followed by <c>[...]</c> subscripts,
    /// where each bracket pair spans to its partner (quoted text was kept in the shape, but its
    /// brackets were never counted).
    /// </summary>
    private static bool IsPrimaryShape(string shape)
    {
        var text = shape.Trim();
        if (text.Length == 0)
            return false;
        if (text.All(IsWordChar))
            return true;
        var i = 0;
        while (i < text.Length && IsWordChar(text[i]))
            i++;
        var word = i > 0;
        if (i >= text.Length || text[i] != '(')
            return false;
        var close = MatchingClose(text, i);
        if (close < 0)
            return false;
        if (close == text.Length - 1)
            return true;
        if (word)
            return false;
        // (...)[...][...]
        i = close + 1;
        while (i < text.Length && text[i] == '[')
        {
            close = MatchingClose(text, i);
            if (close < 0)
                return false;
            i = close + 1;
        }
        return i == text.Length;
    }

    /// <summary>
    /// A call, possibly with keyword clauses: words and bracket groups only at the top level (no operator
    /// outside brackets), ending with <c>)</c> right after a word: <c>SUM(x)</c>, <c>... WITHIN GROUP (ORDER BY x)</c>.
    /// </summary>
    private static bool EndsWithCallShape(string shape)
    {
        var text = shape.Trim();
        if (text.Length == 0 || text[^1] != ')')
            return false;
        var depth = 0;
        char quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                continue;
            }
            if (c is '\'' or '"')
                quote = c;
            else if (c is '(' or '[')
                depth++;
            else if (c is ')' or ']')
                depth--;
            else if (depth == 0 && !IsWordChar(c) && !char.IsWhiteSpace(c))
                return false;
        }
        var open = MatchingOpen(text, text.Length - 1);
        var i = open - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
            i--;
        return i >= 0 && IsWordChar(text[i]);
    }

    private static int MatchingClose(string text, int open)
    {
        var depth = 0;
        char quote = '\0';
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                continue;
            }
            if (c is '\'' or '"')
                quote = c;
            else if (c is '(' or '[')
                depth++;
            else if (c is ')' or ']' && --depth == 0)
                return i;
        }
        return -1;
    }

    private static int MatchingOpen(string text, int close)
    {
        // Scan forward once to pair brackets (quotes make a backward scan ambiguous).
        var stack = new Stack<int>();
        char quote = '\0';
        for (var i = 0; i <= close; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                continue;
            }
            if (c is '\'' or '"')
                quote = c;
            else if (c is '(' or '[')
                stack.Push(i);
            else if (c is ')' or ']')
            {
                var open = stack.Pop();
                if (i == close)
                    return open;
            }
        }
        return -1;
    }
}
