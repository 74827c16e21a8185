using System.Globalization;
using System.Text;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Running;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// Expected rows and their comparison with a result. The planner's conventions the oracles reproduce
/// (README, "How queries are planned"): rows ordered by the explicit sorts, then by every other
/// dimension ascending in the order selected, NULLs last in either direction, text in byte order (the
/// private cluster uses the C locale); a query with dimensions only returns their distinct
/// combinations; money in major units (divided by 1, 100 or 1000 by the currency's exponent, by 100
/// for an unknown or NULL currency); a sum over no rows is NULL and a count 0; the project's time zone is
/// UTC and weeks start on Monday; durations are whole units elapsed, truncated toward zero.
/// Values are compared as text, numbers rounded to 10 decimals (PostgreSQL's numeric division keeps
/// 20 significant digits, C#'s decimal 28).
/// </summary>
internal static class ShippedRows
{
    public static object?[] Row(params object?[] values) => values;

    public static (int Column, bool Descending) Asc(int column) => (column, false);

    public static (int Column, bool Descending) Desc(int column) => (column, true);

    /// <summary>Rows ordered by the given columns, NULLs last in either direction, text in ordinal (byte) order.</summary>
    public static List<object?[]> Sorted(IEnumerable<object?[]> rows, params (int Column, bool Descending)[] keys)
    {
        var list = rows.ToList();
        // List.Sort is not stable; ties on every key are identical rows anyway once all dimensions are keys.
        list.Sort((a, b) =>
        {
            foreach (var (column, descending) in keys)
            {
                var (x, y) = (a[column], b[column]);
                if (x is null || y is null)
                {
                    if (x is null && y is null)
                        continue;
                    return x is null ? 1 : -1;
                }
                var order = x is string s ? string.CompareOrdinal(s, (string)y) : Comparer<object>.Default.Compare(x, y);
                if (order != 0)
                    return descending ? -order : order;
            }
            return 0;
        });
        return list;
    }

    /// <summary>Rows sorted by every column ascending (the default order of a query whose sorts are its dimensions in order).</summary>
    public static List<object?[]> SortedByAll(IEnumerable<object?[]> rows)
    {
        var list = rows.ToList();
        return list.Count == 0 ? list : Sorted(list, [.. Enumerable.Range(0, list[0].Length).Select(Asc)]);
    }

    /// <summary>The distinct rows (by their text), first occurrence kept: a query of dimensions only.</summary>
    public static IEnumerable<object?[]> Distinct(IEnumerable<object?[]> rows) => rows.DistinctBy(Line, StringComparer.Ordinal);

    /// <summary>The sum, or NULL when there is nothing to add (SQL's SUM over no rows).</summary>
    public static decimal? SumOrNull(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Sum();
    }

    /// <summary>The average, or NULL over no values (SQL's AVG).</summary>
    public static decimal? AverageOrNull(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Sum() / list.Count;
    }

    /// <summary>PERCENTILE_CONT: linear interpolation between the closest ranks; NULL over no values.</summary>
    public static decimal? PercentileOrNull(IEnumerable<decimal> values, decimal fraction)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return null;
        var position = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    /// <summary>An amount in minor units in major units; a NULL or unknown currency divides by 100, as the SQL's COALESCE(factor, 100).</summary>
    public static decimal Major(long amount, string? currency) =>
        currency is null ? amount / 100m : Currencies.ToMajorUnits(amount, currency.ToLowerInvariant());

    public static decimal? Major(long? amount, string? currency) => amount is { } value ? Major(value, currency) : null;

    public static DateOnly Day(DateTime time) => DateOnly.FromDateTime(time);

    public static DateOnly? Day(DateTime? time) => time is { } value ? Day(value) : null;

    public static DateOnly Week(DateTime time) => Day(time).AddDays(-(((int)time.DayOfWeek + 6) % 7));

    public static DateOnly Month(DateTime time) => new(time.Year, time.Month, 1);

    /// <summary>Whole units elapsed from <paramref name="start"/> to <paramref name="end"/>, truncated toward zero; NULL when either is NULL.</summary>
    public static decimal? Whole(DateTime? start, DateTime? end, int secondsPerUnit) =>
        start is { } s && end is { } e ? Math.Truncate((decimal)(e - s).Ticks / TimeSpan.TicksPerSecond / secondsPerUnit) : null;

    public static string Text(object? value) => value switch
    {
        null => "NULL",
        decimal d => Math.Round(d, 10, MidpointRounding.AwayFromZero).ToString("0.##########", CultureInfo.InvariantCulture),
        double d => Math.Round((decimal)d, 10, MidpointRounding.AwayFromZero).ToString("0.##########", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    public static string Line(IEnumerable<object?> row) => string.Join(" | ", row.Select(Text));

    public static List<string> Lines(IEnumerable<object?[]> rows) => [.. rows.Select(Line)];

    public static List<string> Lines(ResultTable table) => [.. table.Rows.Select(Line)];

    /// <summary>Fails with both row lists and the first difference when they differ.</summary>
    public static void Equal(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string what)
    {
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
            return;
        var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Count, actual.Count));
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{what}: {expected.Count} rows expected, {actual.Count} returned; first difference at row {first}")
            .Append(CultureInfo.InvariantCulture, $"\n  expected: {(first < expected.Count ? expected[first] : "(none)")}")
            .Append(CultureInfo.InvariantCulture, $"\n  actual:   {(first < actual.Count ? actual[first] : "(none)")}")
            .Append("\nexpected:\n  ").AppendJoin("\n  ", expected.Take(60))
            .Append("\nactual:\n  ").AppendJoin("\n  ", actual.Take(60));
        Assert.Fail(message.ToString());
    }
}
