using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Filters;

/// <summary>
/// Reads Looker-style filter values (<c>FOO%,-FOOD</c>, <c>&gt;=5 AND &lt;10</c>, <c>last 7 days</c>,
/// <c>yes</c>) into a <see cref="FilterExpression"/>. Never throws on user input: the first mistake
/// is reported (SMG31xx) at the exact characters that caused it and <see cref="ErrorFilter"/> is
/// returned. An empty or blank value is <see cref="MatchAllFilter"/>.
/// </summary>
public static class FilterExpressionParser
{
    /// <summary>The source path of filter values parsed from plain text.</summary>
    public const string TextPath = "filter";

    /// <param name="text">The filter value, as the user wrote it (a YAML scalar's value, a CLI argument).</param>
    /// <param name="kind">The grammar: the filtered field's kind (<see cref="FilterKinds.Of"/>).</param>
    /// <param name="locate">Maps characters [start, start + length) of <paramref name="text"/> to a file location
    /// (pass <c>scalar.GetSourceLocation</c>); a zero length marks a position.</param>
    /// <param name="diagnostics">Receives at most one diagnostic.</param>
    public static FilterExpression Parse(string text, FilterKind kind, Func<int, int, TextLocation> locate, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(locate);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (string.IsNullOrWhiteSpace(text))
            return MatchAllFilter.Instance;
        var context = new FilterParseContext(text, locate, diagnostics);
        var result = kind switch
        {
            FilterKind.String => StringFilterParser.Parse(context),
            FilterKind.Number => RejectTemplate(context) ? null : NumberFilterParser.Parse(context),
            FilterKind.Date => RejectTemplate(context) ? null : DateFilterParser.Parse(context),
            _ => RejectTemplate(context) ? null : ParseYesNo(context),
        };
        return result is null || context.Failed ? ErrorFilter.Instance : result;
    }

    /// <summary>Parses <paramref name="text"/> as if it filled a file named <see cref="TextPath"/>, so offsets are file offsets.</summary>
    public static FilterExpression Parse(string text, FilterKind kind, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = new SourceText(TextPath, text);
        return Parse(text, kind, (start, length) => source.GetLocation(new TextSpan(start, Math.Max(0, length))), diagnostics);
    }

    /// <summary>A <c>{{ _user_attributes['x'] }}</c> or <c>{% ... %}</c> template: reported, never guessed at.</summary>
    private static bool RejectTemplate(FilterParseContext context)
    {
        var open = context.Text.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
            return false;
        var close = context.Text.LastIndexOf('}');
        var end = close > open ? close + 1 : context.Text.Length;
        context.Report(DiagnosticCatalog.FilterTemplateNotSupported, open, end - open, context.Text[open..end], "");
        return true;
    }

    private static FilterExpression? ParseYesNo(FilterParseContext context)
    {
        var (start, end) = context.TrimmedBounds();
        var words = context.Text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        FilterExpression? result = words switch
        {
            [var w] when IsAny(w, "yes", "true") => new YesNoFilter(true),
            [var w] when IsAny(w, "no", "false") => new YesNoFilter(false),
            [var w] when IsAny(w, "null") => NullFilter.Instance,
            [var w] when IsAny(w, "-null") => new NotFilter(NullFilter.Instance),
            [var not, var w] when IsAny(not, "not") && IsAny(w, "null") => new NotFilter(NullFilter.Instance),
            _ => null,
        };
        if (result is null)
            context.Report(DiagnosticCatalog.InvalidYesNoFilter, start, end - start, context.Text[start..end]);
        return result;
    }

    internal static bool IsAny(string word, params string[] candidates) =>
        candidates.Any(c => string.Equals(word, c, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The text being parsed and the one diagnostic it may get.</summary>
internal sealed class FilterParseContext(string text, Func<int, int, TextLocation> locate, DiagnosticBag diagnostics)
{
    public string Text { get; } = text;

    public bool Failed { get; private set; }

    /// <summary>The value without leading and trailing white space, for messages that quote it.</summary>
    public string Trimmed => Text.Trim();

    public (int Start, int End) TrimmedBounds()
    {
        var start = 0;
        var end = Text.Length;
        while (start < end && char.IsWhiteSpace(Text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(Text[end - 1]))
            end--;
        return (start, end);
    }

    /// <summary>Reports the first mistake only: one mistake, one diagnostic. Always returns null, for <c>return context.Report(...)</c>.</summary>
    public FilterExpression? Report(DiagnosticDescriptor descriptor, int start, int length, params object?[] args)
    {
        if (!Failed)
        {
            Failed = true;
            diagnostics.Report(descriptor, locate(start, length), args);
        }
        return null;
    }
}

/// <summary>Looker's rule for comma-separated alternatives: (any positive one) AND (none of the negated ones).</summary>
internal static class FilterCombiner
{
    public static FilterExpression Combine(IReadOnlyList<FilterExpression> items)
    {
        if (items.Count == 1)
            return items[0];
        var positives = items.Where(i => i is not NotFilter).ToList();
        var negatives = items.Where(i => i is NotFilter).ToList();
        FilterExpression? positive = positives.Count switch
        {
            0 => null,
            1 => positives[0],
            _ => new AnyOfFilter([.. positives]),
        };
        if (negatives.Count == 0)
            return positive!;
        if (positive is null)
            return negatives.Count == 1 ? negatives[0] : new AllOfFilter([.. negatives]);
        return new AllOfFilter([positive, .. negatives]);
    }
}
