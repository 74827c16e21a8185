using System.Globalization;
using System.Text;

namespace StripeModelGen.Integration.Tests.Dbt;

/// <summary>A Jinja value: a string, or a name dbt resolves (<c>target.database</c>).</summary>
internal abstract record JinjaValue;

internal sealed record JinjaString(string Value) : JinjaValue;

internal sealed record JinjaName(string Name) : JinjaValue;

/// <summary>A call: <c>ref('x')</c>, <c>source('s', 't')</c>, <c>config(materialized='view')</c>, <c>var('n', default)</c>.</summary>
internal sealed record JinjaCall(string Function, IReadOnlyList<JinjaValue> Arguments, IReadOnlyDictionary<string, JinjaValue> Keywords) : JinjaValue;

/// <summary>
/// The part of Jinja dbt projects use in model files and YAML values, read the way Jinja reads it:
/// text, and <c>{{ expression }}</c> where an expression is a string literal, a dotted name or a call
/// with positional and keyword arguments. Statements (<c>{% %}</c>) and comments (<c>{# #}</c>) are
/// reported, since the generator never writes them; anything else Jinja would reject is an error too.
/// </summary>
internal static class DbtJinja
{
    /// <summary>The text with every expression replaced by <paramref name="evaluate"/>'s rendering of it.</summary>
    public static string Render(string text, Func<JinjaValue, string> evaluate)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = IndexOfOpening(text, position);
            if (start < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }
            builder.Append(text, position, start - position);
            if (text[start + 1] != '{')
                throw new FormatException($"`{text.Substring(start, 2)}` at offset {start.ToString(CultureInfo.InvariantCulture)}: the generator writes no Jinja statements or comments");
            var end = text.IndexOf("}}", start + 2, StringComparison.Ordinal);
            // A string literal may hold "}}": find the end outside literals.
            var parser = new Parser(text, start + 2);
            var value = parser.ParseExpression();
            parser.SkipSpaces();
            if (!parser.At("}}"))
                throw new FormatException($"Expected `}}}}` at offset {parser.Position.ToString(CultureInfo.InvariantCulture)} in `{Excerpt(text, start, end)}`");
            builder.Append(evaluate(value));
            position = parser.Position + 2;
        }
        return builder.ToString();
    }

    /// <summary>Every expression in the text, in order.</summary>
    public static List<JinjaValue> Expressions(string text)
    {
        var found = new List<JinjaValue>();
        Render(text, value =>
        {
            found.Add(value);
            return string.Empty;
        });
        return found;
    }

    private static int IndexOfOpening(string text, int from)
    {
        for (var i = text.IndexOf('{', from); i >= 0 && i + 1 < text.Length; i = text.IndexOf('{', i + 1))
        {
            if (text[i + 1] is '{' or '%' or '#')
                return i;
        }
        return -1;
    }

    private static string Excerpt(string text, int start, int end) => text[start..Math.Min(text.Length, (end < 0 ? start + 40 : end + 2))];

    private sealed class Parser(string text, int position)
    {
        public int Position { get; private set; } = position;

        public bool At(string token) => string.CompareOrdinal(text, Position, token, 0, token.Length) == 0;

        public void SkipSpaces()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position]))
                Position++;
        }

        public JinjaValue ParseExpression()
        {
            SkipSpaces();
            if (Position >= text.Length)
                throw new FormatException("Unterminated Jinja expression");
            if (text[Position] is '\'' or '"')
                return new JinjaString(ParseString());
            var name = ParseDottedName();
            SkipSpaces();
            if (!At("("))
                return new JinjaName(name);
            Position++;
            var arguments = new List<JinjaValue>();
            var keywords = new Dictionary<string, JinjaValue>(StringComparer.Ordinal);
            SkipSpaces();
            while (!At(")"))
            {
                SkipSpaces();
                var save = Position;
                if (Position < text.Length && (char.IsLetter(text[Position]) || text[Position] == '_'))
                {
                    var keyword = ParseDottedName();
                    SkipSpaces();
                    if (At("=") && !At("=="))
                    {
                        Position++;
                        if (!keywords.TryAdd(keyword, ParseExpression()))
                            throw new FormatException($"Keyword argument `{keyword}` given twice");
                        if (!NextArgument())
                            break;
                        continue;
                    }
                    Position = save;
                }
                if (keywords.Count > 0)
                    throw new FormatException("Positional argument after a keyword argument");
                arguments.Add(ParseExpression());
                if (!NextArgument())
                    break;
            }
            SkipSpaces();
            if (!At(")"))
                throw new FormatException($"Expected `)` at offset {Position.ToString(CultureInfo.InvariantCulture)}");
            Position++;
            return new JinjaCall(name, arguments, keywords);
        }

        /// <summary>Skips a comma and returns true, or returns false before the closing parenthesis.</summary>
        private bool NextArgument()
        {
            SkipSpaces();
            if (At(","))
            {
                Position++;
                SkipSpaces();
                return true;
            }
            return false;
        }

        private string ParseDottedName()
        {
            var start = Position;
            while (Position < text.Length && (char.IsLetterOrDigit(text[Position]) || text[Position] is '_' or '.'))
                Position++;
            if (Position == start)
                throw new FormatException($"Expected a name or a string at offset {start.ToString(CultureInfo.InvariantCulture)}");
            return text[start..Position];
        }

        private string ParseString()
        {
            var quote = text[Position++];
            var builder = new StringBuilder();
            while (true)
            {
                if (Position >= text.Length)
                    throw new FormatException("Unterminated string literal in a Jinja expression");
                var c = text[Position++];
                if (c == quote)
                    return builder.ToString();
                if (c == '\\')
                {
                    if (Position >= text.Length)
                        throw new FormatException("Unterminated escape in a Jinja string");
                    var escaped = text[Position++];
                    builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
                    continue;
                }
                builder.Append(c);
            }
        }
    }
}
