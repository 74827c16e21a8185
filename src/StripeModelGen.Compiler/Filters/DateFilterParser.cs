using System.Globalization;
using System.Text.RegularExpressions;
using StripeModelGen.Compiler.Diagnostics;

namespace StripeModelGen.Compiler.Filters;

/// <summary>
/// Date filters, over white-space separated words (case-insensitive):
/// <code>
/// filter = NULL | -NULL | NOT NULL
///        | [LAST] n unit                        the n units ending with the current one
///        | BEFORE point | AFTER point           before its start / from its start on
///        | point [ TO point | FOR n unit ]      its period / start to start / start plus n units
/// point  = TODAY | YESTERDAY | TOMORROW | (THIS | LAST | NEXT) unit
///        | n unit AGO | n unit FROM NOW
///        | yyyy | yyyy-mm | yyyy-mm-dd [ hh:mm[:ss] ]    ('/' also separates date parts)
/// unit   = day | week | month | quarter | year, singular or plural
/// </code>
/// Every point is a period with a start and an end (a day, a week, a month, a minute ...).
/// </summary>
internal sealed partial class DateFilterParser
{
    /// <summary>Relative amounts are limited to about 10,000 years, so every bound is a real date.</summary>
    private const int MaxDays = 3_650_000;

    private readonly FilterParseContext _context;
    private readonly List<Word> _words;
    private int _position;

    private DateFilterParser(FilterParseContext context)
    {
        _context = context;
        _words = [.. WordPattern().Matches(context.Text).Select(m => new Word(m.Value, m.Index))];
    }

    private readonly record struct Word(string Text, int Start)
    {
        public int Length => Text.Length;

        public bool Is(params string[] candidates) => FilterExpressionParser.IsAny(Text, candidates);
    }

    /// <summary>A point's period: [Start, End); End is null only past the year 9999.</summary>
    private sealed record Period(DateBound Start, DateBound? End);

    public static FilterExpression? Parse(FilterParseContext context) => new DateFilterParser(context).ParseFilter();

    private Word? Current => _position < _words.Count ? _words[_position] : null;

    private Word? Peek(int ahead) => _position + ahead < _words.Count ? _words[_position + ahead] : null;

    private FilterExpression? ParseFilter()
    {
        var first = Current!.Value;
        if (first.Is("null", "-null") || (first.Is("not") && Peek(1) is { } w && w.Is("null")))
        {
            _position += first.Is("not") ? 2 : 1;
            FilterExpression result = first.Is("null") ? NullFilter.Instance : new NotFilter(NullFilter.Instance);
            return ExpectEnd() ? result : null;
        }
        if (first.Is("not"))
            return FailFilter(Peek(1), "expected `NULL` after `NOT` (date filters have no other negation)");

        if (first.Is("before", "after"))
        {
            _position++;
            var point = ParsePoint();
            if (point is null || !ExpectEnd())
                return null;
            return new DateFilter(first.Is("before") ? new DateRange(null, point.Start) : new DateRange(point.Start, null));
        }

        // `7 days` and `last 7 days`: the 7 days ending with today, today included.
        var span = first.Is("last") && Peek(1) is { } n && IsInteger(n.Text) ? 1 : 0;
        if (Peek(span) is { } count && IsInteger(count.Text) && Peek(span + 1) is { } unitWord && Unit(unitWord) is not null
            && (Peek(span + 2) is null || span == 1))
        {
            _position += span;
            var amount = ParseAmount(minimum: 1);
            if (amount is null || !ExpectEnd())
                return null;
            var (value, unit) = amount.Value;
            return new DateFilter(new DateRange(
                new RelativeDate(unit, new DateOffset(1 - value, unit)),
                new RelativeDate(unit, new DateOffset(1, unit))));
        }

        var start = ParsePoint();
        if (start is null)
            return null;
        if (Current is not { } next)
            return new DateFilter(new DateRange(start.Start, start.End));
        _position++;
        if (next.Is("to"))
        {
            var end = ParsePoint();
            if (end is null || !ExpectEnd())
                return null;
            return CheckNotEmpty(new DateRange(start.Start, end.Start));
        }
        if (next.Is("for"))
        {
            if (!AtAmount("for"))
                return null;
            var amount = ParseAmount(minimum: 1);
            if (amount is null || !ExpectEnd())
                return null;
            var offset = new DateOffset(amount.Value.Amount, amount.Value.Unit);
            return Shift(start.Start, offset, _words[_position - 2]) is { } end ? new DateFilter(new DateRange(start.Start, end)) : null;
        }
        return FailFilter(next, $"expected `to`, `for` or the end of the filter, found `{next.Text}`");
    }

    private Period? ParsePoint()
    {
        if (Current is not { } word)
            return Fail(null, "expected a date such as `2024-03-05`, `today`, `last month` or `3 days ago`, found the end of the filter");
        _position++;
        if (word.Is("today", "yesterday", "tomorrow"))
        {
            var shift = word.Is("today") ? 0 : word.Is("yesterday") ? -1 : 1;
            return Relative(DateUnit.Day, shift);
        }
        if (word.Is("this", "last", "next"))
        {
            var expected = word.Is("last") ? "a number or `day`, `week`, `month`, `quarter` or `year`" : "`day`, `week`, `month`, `quarter` or `year`";
            if (Current is not { } unitWord)
                return Fail(null, $"expected {expected} after `{word.Text}`, found the end of the filter");
            if (word.Is("last") && IsInteger(unitWord.Text))
            {
                // `last 7 bananas`: the span form failed on the unit.
                var found = Peek(1) is { } other ? $"`{other.Text}`" : "the end of the filter";
                return _context.Failed ? null : Fail(Peek(1), $"expected `days`, `weeks`, `months`, `quarters` or `years` after `last {unitWord.Text}`, found {found}");
            }
            var unit = Unit(unitWord);
            if (unit is null)
                return _context.Failed ? null : Fail(unitWord, $"expected {expected} after `{word.Text}`, found `{unitWord.Text}`");
            _position++;
            return Relative(unit.Value, word.Is("this") ? 0 : word.Is("last") ? -1 : 1);
        }
        if (IsInteger(word.Text))
        {
            if (Current is { } unitWord && Unit(unitWord) is not null)
            {
                _position--;
                var amount = ParseAmount(minimum: 0);
                if (amount is null)
                    return null;
                var (value, unit) = amount.Value;
                if (Current is { } ago && ago.Is("ago"))
                {
                    _position++;
                    return Relative(unit, -value);
                }
                if (Current is { } from && from.Is("from") && Peek(1) is { } now && now.Is("now"))
                {
                    _position += 2;
                    return Relative(unit, value);
                }
                var found = Current is { } other ? $"`{other.Text}`" : "the end of the filter";
                return Fail(Current, $"expected `ago` or `from now` after `{value.ToString(CultureInfo.InvariantCulture)} {unitWord.Text}`, found {found}");
            }
            if (_context.Failed)
                return null;
            if (word.Text.Length != 4)
            {
                var found = Current is { } other ? $"`{other.Text}`" : "the end of the filter";
                return Fail(Current, $"expected `days`, `weeks`, `months`, `quarters` or `years` after `{word.Text}`, found {found}");
            }
        }
        if (DatePattern().Match(word.Text) is { Success: true } date)
            return Absolute(word, date);
        return Unsupported(word) ? null : Fail(word, $"unexpected `{word.Text}`");
    }

    private Period? Absolute(Word word, Match date)
    {
        var year = int.Parse(date.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = date.Groups["month"].Success ? int.Parse(date.Groups["month"].Value, CultureInfo.InvariantCulture) : 1;
        var day = date.Groups["day"].Success ? int.Parse(date.Groups["day"].Value, CultureInfo.InvariantCulture) : 1;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month))
            return InvalidDate(word.Start, word.Length);
        var start = new DateOnly(year, month, day);
        var unit = date.Groups["day"].Success ? DateUnit.Day : date.Groups["month"].Success ? DateUnit.Month : DateUnit.Year;
        if (unit == DateUnit.Day && Current is { } timeWord && TimePattern().Match(timeWord.Text) is { Success: true } time)
        {
            _position++;
            var hour = int.Parse(time.Groups["hour"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(time.Groups["minute"].Value, CultureInfo.InvariantCulture);
            var second = time.Groups["second"].Success ? int.Parse(time.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
            if (hour > 23 || minute > 59 || second > 59)
                return InvalidDate(timeWord.Start, timeWord.Length);
            var timestamp = start.ToDateTime(new TimeOnly(hour, minute, second), DateTimeKind.Unspecified);
            var length = time.Groups["second"].Success ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1);
            var next = DateTime.MaxValue - timestamp < length ? (DateTime?)null : timestamp + length;
            return new Period(new AbsoluteTimestamp(timestamp), next is { } n ? new AbsoluteTimestamp(n) : null);
        }
        var end = (year == 9999 && (unit == DateUnit.Year || (month == 12 && (unit == DateUnit.Month || day == 31))))
            ? null
            : new AbsoluteDate(DateArithmetic.Add(start, new DateOffset(1, unit)));
        return new Period(new AbsoluteDate(start), end);
    }

    private Period? InvalidDate(int start, int length)
    {
        _context.Report(DiagnosticCatalog.InvalidDate, start, length, _context.Text[start..(start + length)]);
        return null;
    }

    private static Period Relative(DateUnit unit, int shift) =>
        new(new RelativeDate(unit, new DateOffset(shift, unit)), new RelativeDate(unit, new DateOffset(shift + 1, unit)));

    /// <summary><paramref name="bound"/> moved by <paramref name="offset"/>; null (reported) past the year 9999.</summary>
    private DateBound? Shift(DateBound bound, DateOffset offset, Word amountWord)
    {
        try
        {
            return bound switch
            {
                RelativeDate relative => relative.Add(offset),
                AbsoluteDate absolute => new AbsoluteDate(DateArithmetic.Add(absolute.Date, offset)),
                _ => new AbsoluteTimestamp(DateArithmetic.Add(((AbsoluteTimestamp)bound).Timestamp, offset)),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            _context.Report(DiagnosticCatalog.DateAmountOutOfRange, amountWord.Start, amountWord.Length, amountWord.Text, "the range would end after the year 9999");
            return null;
        }
    }

    private FilterExpression? CheckNotEmpty(DateRange range)
    {
        if (Moment(range.Start) is { } start && Moment(range.End) is { } end && end <= start)
        {
            var (first, last) = _context.TrimmedBounds();
            return _context.Report(DiagnosticCatalog.EmptyDateRange, first, last - first, _context.Trimmed,
                $"the end `{range.End}` is not after the start `{range.Start}`, and the end of `to` is excluded");
        }
        return new DateFilter(range);
    }

    private static DateTime? Moment(DateBound? bound) => bound switch
    {
        AbsoluteDate date => date.Date.ToDateTime(TimeOnly.MinValue),
        AbsoluteTimestamp timestamp => timestamp.Timestamp,
        _ => null,
    };

    /// <summary>Whether `n unit` follows <paramref name="after"/>; reports why not.</summary>
    private bool AtAmount(string after)
    {
        if (Current is not { } number || !IsInteger(number.Text))
        {
            var found = Current is { } other ? $"`{other.Text}`" : "the end of the filter";
            Fail(Current, $"expected a number of days, weeks, months, quarters or years after `{after}`, found {found}");
            return false;
        }
        if (Peek(1) is { } unitWord && Unit(unitWord) is not null)
            return true;
        if (!_context.Failed)
        {
            var found = Peek(1) is { } other ? $"`{other.Text}`" : "the end of the filter";
            Fail(Peek(1), $"expected `days`, `weeks`, `months`, `quarters` or `years` after `{number.Text}`, found {found}");
        }
        return false;
    }

    /// <summary>`n unit` at the current word (checked by the caller), n at least <paramref name="minimum"/>.</summary>
    private (int Amount, DateUnit Unit)? ParseAmount(int minimum)
    {
        var number = Current!.Value;
        var unitWord = Peek(1)!.Value;
        var unit = Unit(unitWord)!.Value;
        _position += 2;
        var days = unit switch
        {
            DateUnit.Day => 1,
            DateUnit.Week => 7,
            DateUnit.Month => 31,
            DateUnit.Quarter => 92,
            _ => 366,
        };
        if (!int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxDays / days)
        {
            _context.Report(DiagnosticCatalog.DateAmountOutOfRange, number.Start, number.Length,
                $"{number.Text} {unitWord.Text}", "it reaches beyond 10,000 years");
            return null;
        }
        if (value < minimum)
        {
            _context.Report(DiagnosticCatalog.DateAmountOutOfRange, number.Start, number.Length, $"{number.Text} {unitWord.Text}", $"use at least {minimum}");
            return null;
        }
        return (value, unit);
    }

    /// <summary>The unit a word names; null otherwise (reported when it is a unit we do not support).</summary>
    private DateUnit? Unit(Word word)
    {
        var name = word.Text.ToLowerInvariant();
        var singular = name.EndsWith('s') ? name[..^1] : name;
        switch (singular)
        {
            case "day": return DateUnit.Day;
            case "week": return DateUnit.Week;
            case "month": return DateUnit.Month;
            case "quarter": return DateUnit.Quarter;
            case "year": return DateUnit.Year;
            default:
                Unsupported(word);
                return null;
        }
    }

    /// <summary>Reports Looker forms we deliberately do not support; true when it did.</summary>
    private bool Unsupported(Word word)
    {
        var name = word.Text.ToLowerInvariant();
        var singular = name.EndsWith('s') ? name[..^1] : name;
        string? reason = singular switch
        {
            "second" or "minute" or "hour" => "relative date filters count whole days, weeks, months, quarters or years",
            "fiscal" => "fiscal periods are not supported; use calendar months, quarters or years, or explicit dates",
            "now" => "relative date filters count whole days; use `today` or an explicit date and time",
            "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday"
                => "day-of-week filters are not supported; use a date range",
            _ => null,
        };
        if (reason is null)
            return false;
        _context.Report(DiagnosticCatalog.UnsupportedDateFilter, word.Start, word.Length, word.Text, reason);
        return true;
    }

    private bool ExpectEnd()
    {
        if (Current is not { } extra)
            return true;
        Fail(extra, $"expected the end of the filter, found `{extra.Text}`");
        return false;
    }

    private FilterExpression? FailFilter(Word? word, string reason)
    {
        Fail(word, reason);
        return null;
    }

    private Period? Fail(Word? word, string reason)
    {
        if (word is { } w)
            _context.Report(DiagnosticCatalog.InvalidDateFilter, w.Start, w.Length, _context.Trimmed, reason);
        else
            _context.Report(DiagnosticCatalog.InvalidDateFilter, _context.TrimmedBounds().End, 0, _context.Trimmed, reason);
        return null;
    }

    private static bool IsInteger(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    [GeneratedRegex(@"[^\s,]+|,")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(?<year>\d{4})(?:(?<sep>[-/])(?<month>\d{1,2})(?:\k<sep>(?<day>\d{1,2}))?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?$")]
    private static partial Regex TimePattern();
}
