using System.Globalization;
using StripeModelGen.Compiler.Diagnostics;

namespace StripeModelGen.Compiler.Filters;

/// <summary>
/// Number filters, by recursive descent over <see cref="NumberLexer"/> tokens:
/// <code>
/// filter   = item { "," item }
/// item     = and { OR and }
/// and      = unary { AND unary }
/// unary    = NOT unary | "-NULL" | primary
/// primary  = NULL | ("=" | "&lt;&gt;" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") number
///          | number [ TO [ number ] ] | TO number
///          | ("[" | "(") [ bound ] "," [ bound ] ("]" | ")")     bound = number | inf | -inf
/// </code>
/// </summary>
internal sealed class NumberFilterParser
{
    private readonly FilterParseContext _context;
    private readonly List<NumberToken> _tokens;
    private int _position;

    private NumberFilterParser(FilterParseContext context)
    {
        _context = context;
        _tokens = NumberLexer.Lex(context.Text);
    }

    private NumberToken Current => _tokens[_position];

    public static FilterExpression? Parse(FilterParseContext context) => new NumberFilterParser(context).ParseFilter();

    private FilterExpression? ParseFilter()
    {
        var items = new List<FilterExpression>();
        while (true)
        {
            var item = ParseOr();
            if (item is null)
                return null;
            items.Add(item);
            if (Current.Kind != NumberTokenKind.Comma)
                break;
            _position++;
        }
        if (Current.Kind != NumberTokenKind.End)
            return Fail(Current, $"expected `,`, `AND`, `OR` or the end of the filter, found {Describe(Current)}");
        return FilterCombiner.Combine(items);
    }

    private FilterExpression? ParseOr()
    {
        var operands = new List<FilterExpression>();
        do
        {
            if (operands.Count > 0)
                _position++;
            var operand = ParseAnd();
            if (operand is null)
                return null;
            operands.Add(operand);
        }
        while (Current.Kind == NumberTokenKind.Or);
        return operands.Count == 1 ? operands[0] : new AnyOfFilter([.. operands]);
    }

    private FilterExpression? ParseAnd()
    {
        var operands = new List<FilterExpression>();
        do
        {
            if (operands.Count > 0)
                _position++;
            var operand = ParseUnary();
            if (operand is null)
                return null;
            operands.Add(operand);
        }
        while (Current.Kind == NumberTokenKind.And);
        return operands.Count == 1 ? operands[0] : new AllOfFilter([.. operands]);
    }

    private FilterExpression? ParseUnary()
    {
        if (Current.Kind == NumberTokenKind.Not)
        {
            _position++;
            return ParseUnary() is { } operand ? new NotFilter(operand) : null;
        }
        if (Current.Kind == NumberTokenKind.MinusNull)
        {
            _position++;
            return new NotFilter(NullFilter.Instance);
        }
        return ParsePrimary();
    }

    private FilterExpression? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case NumberTokenKind.Null:
                _position++;
                return NullFilter.Instance;
            case NumberTokenKind.Comparison:
                _position++;
                if (Current.Kind != NumberTokenKind.Number)
                    return Fail(Current, $"expected a number after `{token.Text}`, found {Describe(Current)}");
                var value = Current.Value;
                _position++;
                return token.Text switch
                {
                    "=" => new NumberCompareFilter(NumberComparison.Equal, value),
                    "<>" or "!=" => new NotFilter(new NumberCompareFilter(NumberComparison.Equal, value)),
                    "<" => new NumberCompareFilter(NumberComparison.Less, value),
                    "<=" => new NumberCompareFilter(NumberComparison.LessOrEqual, value),
                    ">" => new NumberCompareFilter(NumberComparison.Greater, value),
                    _ => new NumberCompareFilter(NumberComparison.GreaterOrEqual, value),
                };
            case NumberTokenKind.Number:
                _position++;
                if (Current.Kind != NumberTokenKind.To)
                    return new NumberCompareFilter(NumberComparison.Equal, token.Value);
                _position++;
                if (Current.Kind != NumberTokenKind.Number)
                    return new NumberCompareFilter(NumberComparison.GreaterOrEqual, token.Value);
                var high = Current;
                _position++;
                return Range(new NumberBound(token.Value, true), new NumberBound(high.Value, true), token, high);
            case NumberTokenKind.To:
                _position++;
                if (Current.Kind != NumberTokenKind.Number)
                    return Fail(Current, $"expected a number after `{token.Text}`, found {Describe(Current)}");
                _position++;
                return new NumberCompareFilter(NumberComparison.LessOrEqual, _tokens[_position - 1].Value);
            case NumberTokenKind.Open:
                return ParseInterval();
            default:
                return Fail(token, $"expected a number, found {Describe(token)}");
        }
    }

    private FilterExpression? ParseInterval()
    {
        var open = Current;
        var lowInclusive = open.Text == "[";
        _position++;
        decimal? low = null;
        if (Current.Kind == NumberTokenKind.Number)
        {
            low = Current.Value;
            _position++;
        }
        else if (Current.Kind == NumberTokenKind.Infinity && Current.Text.StartsWith('-'))
        {
            _position++;
        }
        if (Current.Kind != NumberTokenKind.Comma)
            return Fail(Current, $"expected `,` between the bounds of an interval, found {Describe(Current)}");
        _position++;
        decimal? high = null;
        if (Current.Kind == NumberTokenKind.Number)
        {
            high = Current.Value;
            _position++;
        }
        else if (Current.Kind == NumberTokenKind.Infinity && !Current.Text.StartsWith('-'))
        {
            _position++;
        }
        if (Current.Kind != NumberTokenKind.Close)
            return Fail(Current, $"expected `]` or `)` to close the interval, found {Describe(Current)}");
        var close = Current;
        _position++;
        var highInclusive = close.Text == "]";
        return (low, high) switch
        {
            (null, null) => Fail(open, close, "an interval needs at least one bound"),
            ({ } l, null) => new NumberCompareFilter(lowInclusive ? NumberComparison.GreaterOrEqual : NumberComparison.Greater, l),
            (null, { } h) => new NumberCompareFilter(highInclusive ? NumberComparison.LessOrEqual : NumberComparison.Less, h),
            ({ } l, { } h) => Range(new NumberBound(l, lowInclusive), new NumberBound(h, highInclusive), open, close),
        };
    }

    private FilterExpression? Range(NumberBound low, NumberBound high, NumberToken first, NumberToken last)
    {
        if (low.Value < high.Value || (low.Value == high.Value && low.Inclusive && high.Inclusive))
            return new NumberRangeFilter(low, high);
        var text = _context.Text[first.Start..(last.Start + last.Length)];
        return _context.Report(DiagnosticCatalog.EmptyNumberRange, first.Start, last.Start + last.Length - first.Start, text);
    }

    private FilterExpression? Fail(NumberToken token, string reason) =>
        token.Kind == NumberTokenKind.BadNumber
            ? _context.Report(DiagnosticCatalog.InvalidNumberFilter, token.Start, token.Length, _context.Trimmed, $"`{token.Text}` is not a number")
            : _context.Report(DiagnosticCatalog.InvalidNumberFilter, token.Start, token.Length, _context.Trimmed, reason);

    private FilterExpression? Fail(NumberToken first, NumberToken last, string reason) =>
        _context.Report(DiagnosticCatalog.InvalidNumberFilter, first.Start, last.Start + last.Length - first.Start, _context.Trimmed, reason);

    private static string Describe(NumberToken token) =>
        token.Kind == NumberTokenKind.End ? "the end of the filter" : $"`{token.Text}`";
}

internal enum NumberTokenKind
{
    Number,
    /// <summary>A run of characters that starts like a number but is not one (<c>5.5.5</c>, <c>1x</c>).</summary>
    BadNumber,
    Infinity,
    Not,
    MinusNull,
    And,
    Or,
    To,
    Null,
    Comparison,
    Open,
    Close,
    Comma,
    Word,
    End,
}

internal readonly record struct NumberToken(NumberTokenKind Kind, int Start, int Length, string Text, decimal Value = 0);

internal static class NumberLexer
{
    private const string Delimiters = ",[]()<>=!";

    public static List<NumberToken> Lex(string text)
    {
        var tokens = new List<NumberToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= text.Length)
            {
                tokens.Add(new NumberToken(NumberTokenKind.End, text.Length, 0, ""));
                return tokens;
            }
            var c = text[i];
            var start = i;
            switch (c)
            {
                case ',':
                    tokens.Add(new NumberToken(NumberTokenKind.Comma, i++, 1, ","));
                    continue;
                case '[' or '(':
                    tokens.Add(new NumberToken(NumberTokenKind.Open, i++, 1, c.ToString()));
                    continue;
                case ']' or ')':
                    tokens.Add(new NumberToken(NumberTokenKind.Close, i++, 1, c.ToString()));
                    continue;
                case '<' or '>' or '=' or '!':
                    i++;
                    if (i < text.Length && (text[i] == '=' || (c == '<' && text[i] == '>')))
                        i++;
                    var op = text[start..i];
                    tokens.Add(new NumberToken(op == "!" ? NumberTokenKind.Word : NumberTokenKind.Comparison, start, i - start, op));
                    continue;
            }
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !Delimiters.Contains(text[i], StringComparison.Ordinal))
                i++;
            tokens.Add(Classify(text[start..i], start));
        }
    }

    private static NumberToken Classify(string word, int start)
    {
        var kind = word.ToUpperInvariant() switch
        {
            "NOT" => NumberTokenKind.Not,
            "-NULL" => NumberTokenKind.MinusNull,
            "AND" => NumberTokenKind.And,
            "OR" => NumberTokenKind.Or,
            "TO" => NumberTokenKind.To,
            "NULL" => NumberTokenKind.Null,
            "INF" or "+INF" or "-INF" => NumberTokenKind.Infinity,
            _ => NumberTokenKind.Word,
        };
        if (kind != NumberTokenKind.Word || !LooksNumeric(word))
            return new NumberToken(kind, start, word.Length, word);
        return decimal.TryParse(word, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? new NumberToken(NumberTokenKind.Number, start, word.Length, word, value)
            : new NumberToken(NumberTokenKind.BadNumber, start, word.Length, word);
    }

    private static bool LooksNumeric(string word)
    {
        var body = word[0] is '-' or '+' ? word.AsSpan(1) : word.AsSpan();
        return body.Length > 0 && (char.IsAsciiDigit(body[0]) || (body[0] == '.' && body.Length > 1 && char.IsAsciiDigit(body[1])));
    }
}
