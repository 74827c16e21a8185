using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

/// <summary>
/// Maps a field name to a <see cref="FieldReference"/>: a plain field, a timeframe of a time or date
/// dimension (<c>created_month</c>) or an interval of a duration (<c>days_to_pay</c>).
/// </summary>
internal static class FieldNameResolver
{
    private static readonly (string Suffix, Timeframe Timeframe)[] TimeframeSuffixes =
        [.. Enum.GetValues<Timeframe>().Select(t => ("_" + ModelNames.Of(t), t)).OrderByDescending(x => x.Item1.Length).ThenBy(x => x.Item1, StringComparer.Ordinal)];

    private static readonly (string Prefix, DurationInterval Interval)[] IntervalPrefixes =
        [.. Enum.GetValues<DurationInterval>().Select(i => (ModelNames.Of(i) + "s_", i))];

    public static FieldReference? Resolve(ViewSymbol view, string name, TextLocation location, string alias, DiagnosticBag diagnostics)
    {
        if (view.Find(name) is { } field)
            return new FieldReference(alias, field);

        foreach (var (suffix, timeframe) in TimeframeSuffixes)
        {
            if (!name.EndsWith(suffix, StringComparison.Ordinal) || view.Find(name[..^suffix.Length]) is not { } baseField)
                continue;
            if (baseField is not DimensionSymbol { HasTimeframes: true } dimension)
            {
                diagnostics.Report(DiagnosticCatalog.TimeframeOnNonTime, location, baseField.Name, ModelNames.Of(timeframe));
                return null;
            }
            if (!dimension.Timeframes.Contains(timeframe))
            {
                diagnostics.Report(DiagnosticCatalog.UnknownTimeframe, location, dimension.Name, ModelNames.Of(timeframe), string.Join(", ", dimension.Timeframes.Select(ModelNames.Of)));
                return null;
            }
            return new FieldReference(alias, dimension, timeframe);
        }

        foreach (var (prefix, interval) in IntervalPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && view.Find(name[prefix.Length..]) is DimensionSymbol { Type: DimensionType.Duration } duration)
            {
                if (duration.Intervals.Contains(interval))
                    return new FieldReference(alias, duration, null, interval);
                diagnostics.Report(DiagnosticCatalog.UnknownTimeframe, location, duration.Name, ModelNames.Of(interval), string.Join(", ", duration.Intervals.Select(ModelNames.Of)));
                return null;
            }
        }

        diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownField, location, name, ReferenceableNames(view), name, view.Name);
        return null;
    }

    /// <summary>Every name a reference to the view may use, for suggestions.</summary>
    public static IEnumerable<string> ReferenceableNames(ViewSymbol view)
    {
        foreach (var field in view.Fields)
        {
            yield return field.Name;
            if (field is not DimensionSymbol dimension)
                continue;
            foreach (var timeframe in dimension.Timeframes)
                yield return new FieldReference(view.Name, dimension, timeframe).Name;
            foreach (var interval in dimension.Intervals)
                yield return new FieldReference(view.Name, dimension, null, interval).Name;
        }
    }
}
