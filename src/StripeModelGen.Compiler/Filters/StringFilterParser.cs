using StripeModelGen.Compiler.Diagnostics;

namespace StripeModelGen.Compiler.Filters;

/// <summary>
/// String filters: alternatives separated by unescaped commas, each trimmed of surrounding white
/// space; a leading <c>-</c> negates one; <c>NULL</c> and <c>EMPTY</c> are keywords; <c>%</c> and
/// <c>_</c> are wildcards; <c>^</c> makes the next character literal.
/// </summary>
internal static class StringFilterParser
{
    public static FilterExpression? Parse(FilterParseContext context)
    {
        var text = context.Text;
        var alternatives = new List<(int Start, int End)>();
        var commas = new List<int>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '^')
            {
                i++;
            }
            else if (text[i] == ',')
            {
                alternatives.Add((start, i));
                commas.Add(i);
                start = i + 1;
            }
        }
        alternatives.Add((start, text.Length));

        var items = new List<FilterExpression>();
        for (var k = 0; k < alternatives.Count; k++)
        {
            var (s, e) = Trim(text, alternatives[k].Start, alternatives[k].End);
            if (s == e)
            {
                // The comma that ends the empty alternative, or the trailing one.
                var comma = k < commas.Count ? commas[k] : commas[k - 1];
                return context.Report(DiagnosticCatalog.EmptyFilterAlternative, comma, 1, context.Trimmed);
            }
            var item = ParseAlternative(context, s, e);
            if (item is null)
                return null;
            items.Add(item);
        }
        return FilterCombiner.Combine(items);
    }

    private static FilterExpression? ParseAlternative(FilterParseContext context, int start, int end)
    {
        var text = context.Text;
        var negated = text[start] == '-';
        if (negated)
        {
            var minus = start;
            (start, end) = Trim(text, start + 1, end);
            if (start == end)
                return context.Report(DiagnosticCatalog.NegationWithoutValue, minus, 1, context.Trimmed);
        }

        var raw = text[start..end];
        FilterExpression? leaf = raw.ToUpperInvariant() switch
        {
            "NULL" => NullFilter.Instance,
            "EMPTY" => EmptyFilter.Instance,
            _ => null,
        };
        if (leaf is null)
        {
            var parts = new List<LikePart>();
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c == '^')
                {
                    if (i + 1 >= end)
                        return context.Report(DiagnosticCatalog.DanglingFilterEscape, i, 1, context.Trimmed);
                    parts.Add(LikePart.Literal(text[i + 1].ToString()));
                    i++;
                }
                else if (c == '%')
                {
                    parts.Add(LikePart.AnyCharacters);
                }
                else if (c == '_')
                {
                    parts.Add(LikePart.AnyCharacter);
                }
                else if (c == '{' && ClosingBrace(text, i + 1, end) is { } close)
                {
                    return context.Report(DiagnosticCatalog.FilterTemplateNotSupported, i, close + 1 - i, text[i..(close + 1)], "; write `^{` to match a literal `{`");
                }
                else
                {
                    parts.Add(LikePart.Literal(c.ToString()));
                }
            }
            var pattern = new LikePattern(parts);
            if (!pattern.HasWildcards)
            {
                leaf = new StringEqualsFilter(string.Concat(pattern.Parts.Select(p => p.Text)));
            }
            else
            {
                leaf = new StringLikeFilter(pattern);
            }
        }
        return negated ? new NotFilter(leaf) : leaf;
    }

    /// <summary>The first unescaped <c>}</c> in [start, end), if any.</summary>
    private static int? ClosingBrace(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] == '^')
                i++;
            else if (text[i] == '}')
                return i + 1 < end && text[i + 1] == '}' ? i + 1 : i;
        }
        return null;
    }

    /// <summary>
    /// [start, end) without surrounding white space; a white-space character escaped with <c>^</c> stays.
    /// <paramref name="start"/> is never inside an escape, so escapes are counted from it.
    /// </summary>
    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]) && !IsEscaped(text, start, end - 1))
            end--;
        return (start, end);
    }

    private static bool IsEscaped(string text, int start, int position)
    {
        for (var i = start; i < position; i++)
        {
            if (text[i] == '^')
            {
                if (i + 1 == position)
                    return true;
                i++;
            }
        }
        return false;
    }
}
