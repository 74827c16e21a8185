using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>
/// Splits a scalar's value into tokens, skipping whitespace and comments. Never throws and reports
/// nothing itself: a lexical error becomes a <see cref="ExpressionTokenKind.Bad"/> token holding its
/// diagnostic, so the parser reports only the first mistake in source order.
/// </summary>
public sealed class ExpressionLexer
{
    private readonly YamlScalarSyntax _scalar;
    private readonly string _text;
    private readonly ImmutableArray<ExpressionToken>.Builder _tokens = ImmutableArray.CreateBuilder<ExpressionToken>();
    private int _position;

    private ExpressionLexer(YamlScalarSyntax scalar)
    {
        _scalar = scalar;
        _text = scalar.Value;
    }

    /// <summary>The tokens of the scalar's value, always ending with one <see cref="ExpressionTokenKind.EndOfInput"/>.</summary>
    public static ImmutableArray<ExpressionToken> Lex(YamlScalarSyntax scalar)
    {
        var lexer = new ExpressionLexer(scalar);
        lexer.LexAll();
        return lexer._tokens.ToImmutable();
    }

    private char Peek(int offset = 0) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private bool AtEnd => _position >= _text.Length;

    private void LexAll()
    {
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
                break;
            _tokens.Add(LexToken());
        }
        var end = _tokens.Count > 0 ? _tokens[^1].ValueSpan.End : 0;
        _tokens.Add(Token(ExpressionTokenKind.EndOfInput, end, end));
    }

    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = Peek();
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '-' && Peek(1) == '-')
            {
                while (!AtEnd && Peek() is not ('\n' or '\r'))
                    _position++;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var close = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    _tokens.Add(Bad(_position, _position + 2, DiagnosticCatalog.UnterminatedComment));
                    _position = _text.Length;
                    return;
                }
                _position = close + 2;
            }
            else
            {
                return;
            }
        }
    }

    private ExpressionToken LexToken()
    {
        var start = _position;
        var c = Peek();
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            return LexNumber();
        if (ExpressionFacts.IsIdentifierStart(c))
            return LexIdentifier();
        switch (c)
        {
            case '\'':
                return LexString();
            case '"':
                return LexQuotedIdentifier();
            case '$' when Peek(1) == '{':
                return LexReference();
            case '|' when Peek(1) == '|':
                return Operator(ExpressionTokenKind.Concat, 2);
            case '<' when Peek(1) == '=':
                return Operator(ExpressionTokenKind.LessOrEqual, 2);
            case '<' when Peek(1) == '>':
                return Operator(ExpressionTokenKind.NotEquals, 2);
            case '>' when Peek(1) == '=':
                return Operator(ExpressionTokenKind.GreaterOrEqual, 2);
            case '!' when Peek(1) == '=':
                return Operator(ExpressionTokenKind.NotEquals, 2);
            case ':' when Peek(1) == ':':
                return Operator(ExpressionTokenKind.ColonColon, 2);
            case '+':
                return Operator(ExpressionTokenKind.Plus, 1);
            case '-':
                return Operator(ExpressionTokenKind.Minus, 1);
            case '*':
                return Operator(ExpressionTokenKind.Star, 1);
            case '/':
                return Operator(ExpressionTokenKind.Slash, 1);
            case '%':
                return Operator(ExpressionTokenKind.Percent, 1);
            case '=':
                return Operator(ExpressionTokenKind.Equals, 1);
            case '<':
                return Operator(ExpressionTokenKind.Less, 1);
            case '>':
                return Operator(ExpressionTokenKind.Greater, 1);
            case '(':
                return Operator(ExpressionTokenKind.OpenParen, 1);
            case ')':
                return Operator(ExpressionTokenKind.CloseParen, 1);
            case ',':
                return Operator(ExpressionTokenKind.Comma, 1);
            case '.':
                return Operator(ExpressionTokenKind.Dot, 1);
        }
        var length = char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        _position += length;
        var character = _text.Substring(start, length);
        var shown = char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}") : character;
        return Bad(start, _position, DiagnosticCatalog.UnexpectedCharacter, BacktickSuggestion(start), shown);
    }

    /// <summary>For <c>`col`</c> (MySQL/BigQuery quoting), suggests the SQL spelling <c>"col"</c>.</summary>
    private string? BacktickSuggestion(int start)
    {
        if (_text[start] != '`')
            return null;
        var close = _text.IndexOf('`', start + 1);
        if (close <= start + 1)
            return null;
        var name = _text[(start + 1)..close];
        return name.Contains('\n', StringComparison.Ordinal) ? null : $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private ExpressionToken Operator(ExpressionTokenKind kind, int length)
    {
        var start = _position;
        _position += length;
        return Token(kind, start, _position);
    }

    private ExpressionToken LexNumber()
    {
        var start = _position;
        var valid = true;
        SkipDigits();
        if (Peek() == '.')
        {
            _position++;
            SkipDigits();
        }
        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
                _position++;
            valid = char.IsAsciiDigit(Peek());
            SkipDigits();
        }
        if (ExpressionFacts.IsIdentifierPart(Peek()) || Peek() == '.')
        {
            valid = false;
            while (ExpressionFacts.IsIdentifierPart(Peek()) || Peek() == '.')
                _position++;
        }
        var text = _text[start.._position];
        if (valid && ParseNumber(text) is { } value)
            return Token(ExpressionTokenKind.Number, start, _position, value);
        return Bad(start, _position, DiagnosticCatalog.InvalidNumber, null, text);
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek()))
            _position++;
    }

    /// <summary>A decimal when it holds the number without loss of magnitude, else a finite double, else null.</summary>
    private static object? ParseNumber(string text)
    {
        const NumberStyles style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var number)
            && (number != 0m || !HasNonZeroDigit(text)))
            return number;
        if (double.TryParse(text, style, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
            return real;
        return null;
    }

    private static bool HasNonZeroDigit(string text)
    {
        foreach (var c in text)
        {
            if (c is 'e' or 'E')
                return false;
            if (c is >= '1' and <= '9')
                return true;
        }
        return false;
    }

    private ExpressionToken LexIdentifier()
    {
        var start = _position;
        while (ExpressionFacts.IsIdentifierPart(Peek()))
            _position++;
        var text = _text[start.._position];
        var kind = ExpressionFacts.GetKeyword(text) ?? ExpressionTokenKind.Identifier;
        return Token(kind, start, _position, text);
    }

    private ExpressionToken LexString()
    {
        var start = _position;
        if (!TryReadQuoted('\'', out var value))
            return Bad(start, start + 1, DiagnosticCatalog.UnterminatedString);
        return Token(ExpressionTokenKind.String, start, _position, value);
    }

    private ExpressionToken LexQuotedIdentifier()
    {
        var start = _position;
        if (!TryReadQuoted('"', out var name))
            return Bad(start, start + 1, DiagnosticCatalog.UnterminatedQuotedIdentifier);
        if (name.Length == 0)
            return Bad(start, _position, DiagnosticCatalog.EmptyQuotedIdentifier);
        return Token(ExpressionTokenKind.QuotedIdentifier, start, _position, name);
    }

    /// <summary>Reads <c>'...'</c> or <c>"..."</c> where a doubled quote stands for one; false when not closed.</summary>
    private bool TryReadQuoted(char quote, out string value)
    {
        var builder = new StringBuilder();
        var i = _position + 1;
        while (i < _text.Length)
        {
            if (_text[i] == quote)
            {
                if (i + 1 < _text.Length && _text[i + 1] == quote)
                {
                    builder.Append(quote);
                    i += 2;
                    continue;
                }
                _position = i + 1;
                value = builder.ToString();
                return true;
            }
            builder.Append(_text[i]);
            i++;
        }
        _position = _text.Length;
        value = string.Empty;
        return false;
    }

    /// <summary>
    /// <c>${name}</c> or <c>${view.name}</c>, spaces allowed around the names. The reference ends at the first
    /// <c>}</c>; a line break or another <c>${</c> before it means the brace is missing.
    /// </summary>
    private ExpressionToken LexReference()
    {
        var start = _position;
        var close = -1;
        for (var i = start + 2; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '}')
            {
                close = i;
                break;
            }
            if (c is '\n' or '\r' || (c == '$' && i + 1 < _text.Length && _text[i + 1] == '{'))
                break;
        }
        if (close < 0)
        {
            _position = start + 2;
            return Bad(start, start + 2, DiagnosticCatalog.UnterminatedReference);
        }
        _position = close + 1;
        var content = _text[(start + 2)..close];
        var parts = ReadReferenceParts(start + 2, close);
        return parts.IsDefault
            ? Bad(start, _position, DiagnosticCatalog.InvalidReference, null, content)
            : Token(ExpressionTokenKind.Reference, start, _position, parts);
    }

    private ImmutableArray<ReferencePart> ReadReferenceParts(int start, int end)
    {
        var parts = ImmutableArray.CreateBuilder<ReferencePart>(2);
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && _text[i] != '.')
                continue;
            var (nameStart, nameEnd) = Trim(partStart, i);
            if (parts.Count == 2 || !IsPlainName(nameStart, nameEnd))
                return default;
            parts.Add(new ReferencePart(_text[nameStart..nameEnd], Location(nameStart, nameEnd)));
            partStart = i + 1;
        }
        return parts.ToImmutable();
    }

    private (int Start, int End) Trim(int start, int end)
    {
        while (start < end && char.IsWhiteSpace(_text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(_text[end - 1]))
            end--;
        return (start, end);
    }

    private bool IsPlainName(int start, int end)
    {
        if (start >= end || !ExpressionFacts.IsIdentifierStart(_text[start]))
            return false;
        for (var i = start + 1; i < end; i++)
        {
            if (!ExpressionFacts.IsIdentifierPart(_text[i]))
                return false;
        }
        return true;
    }

    private TextLocation Location(int start, int end) => _scalar.GetSourceLocation(start, end - start);

    private ExpressionToken Token(ExpressionTokenKind kind, int start, int end, object? value = null) =>
        new(kind, _text[start..end], TextSpan.FromBounds(start, end), Location(start, end), value);

    private ExpressionToken Bad(int start, int end, DiagnosticDescriptor descriptor, string? suggestion = null, params object?[] args)
    {
        var location = Location(start, end);
        var error = new Diagnostic(descriptor, location, descriptor.Format(args), suggestion);
        return new ExpressionToken(ExpressionTokenKind.Bad, _text[start..end], TextSpan.FromBounds(start, end), location, null, error);
    }
}
