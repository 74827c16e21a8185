using System.Collections.Immutable;
using System.Globalization;

namespace StripeModelGen.Compiler.Filters;

/// <summary>A calendar unit of relative date filters. Weeks start on the lowering context's week start.</summary>
public enum DateUnit
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary><see cref="Amount"/> (positive or negative) whole <see cref="Unit"/>s.</summary>
public readonly record struct DateOffset(int Amount, DateUnit Unit)
{
    public override string ToString() =>
        (Amount < 0 ? "-" : "+") + Math.Abs(Amount).ToString(CultureInfo.InvariantCulture) + Unit switch
        {
            DateUnit.Day => "d",
            DateUnit.Week => "w",
            DateUnit.Month => "mo",
            DateUnit.Quarter => "q",
            _ => "y",
        };
}

/// <summary>
/// Dates from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive); a null bound is open.
/// On a timestamp a date bound means its midnight, so <c>[2024-03-05, 2024-03-06)</c> is the whole day.
/// </summary>
public sealed record DateRange(DateBound? Start, DateBound? End)
{
    public override string ToString() => $"[{Start?.ToString() ?? ".."}, {End?.ToString() ?? ".."})";
}

/// <summary>One end of a <see cref="DateRange"/>.</summary>
public abstract record DateBound;

/// <summary>Midnight of a calendar day.</summary>
public sealed record AbsoluteDate(DateOnly Date) : DateBound
{
    public override string ToString() => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A wall-clock time (<see cref="DateTimeKind.Unspecified"/>): the project's time zone.</summary>
public sealed record AbsoluteTimestamp(DateTime Timestamp) : DateBound
{
    public override string ToString() => Timestamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>
/// Today (in the project's time zone) truncated to the start of its <see cref="Truncation"/> unit,
/// then moved by each of <see cref="Offsets"/> in order: <c>month(today)-2mo</c> is the first day of
/// the month two months ago. Month arithmetic keeps the day of month, clamped to the month's length.
/// </summary>
public sealed record RelativeDate : DateBound
{
    public RelativeDate(DateUnit truncation, IEnumerable<DateOffset> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        Truncation = truncation;
        var builder = ImmutableArray.CreateBuilder<DateOffset>();
        // Adjacent offsets of one unit merge only where that cannot change the result: days and weeks
        // always; months, quarters and years while the date is still the first of a month
        // (Jan 31 + 1 month + 1 month is Mar 29, not Mar 31).
        var firstOfMonth = truncation is not (DateUnit.Day or DateUnit.Week);
        foreach (var offset in offsets)
        {
            var mergeable = offset.Unit is DateUnit.Day or DateUnit.Week || firstOfMonth;
            if (mergeable && builder.Count > 0 && builder[^1].Unit == offset.Unit)
            {
                builder[^1] = offset with { Amount = checked(builder[^1].Amount + offset.Amount) };
                if (builder[^1].Amount == 0)
                    builder.RemoveAt(builder.Count - 1);
            }
            else if (offset.Amount != 0)
            {
                builder.Add(offset);
            }
            firstOfMonth &= offset.Unit is not (DateUnit.Day or DateUnit.Week);
        }
        Offsets = builder.ToImmutable();
    }

    public RelativeDate(DateUnit truncation, params DateOffset[] offsets)
        : this(truncation, (IEnumerable<DateOffset>)offsets)
    {
    }

    public DateUnit Truncation { get; }

    public ImmutableArray<DateOffset> Offsets { get; }

    /// <summary>This bound moved further by <paramref name="offset"/>.</summary>
    public RelativeDate Add(DateOffset offset) => new(Truncation, Offsets.Add(offset));

    /// <summary>The date this bound means when today is <paramref name="today"/>.</summary>
    public DateOnly Resolve(DateOnly today, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        var date = DateArithmetic.Truncate(today, Truncation, weekStart);
        foreach (var offset in Offsets)
            date = DateArithmetic.Add(date, offset);
        return date;
    }

    public bool Equals(RelativeDate? other) => other is not null && Truncation == other.Truncation && Offsets.SequenceEqual(other.Offsets);

    public override int GetHashCode() => Offsets.Aggregate((int)Truncation, (hash, offset) => (hash * 31) + offset.GetHashCode());

    public override string ToString() =>
        (Truncation == DateUnit.Day ? "today" : $"{Truncation.ToString().ToLowerInvariant()}(today)") + string.Concat(Offsets.Select(o => o.ToString()));
}

/// <summary>Calendar arithmetic with the same rules as the SQL the lowerer emits.</summary>
public static class DateArithmetic
{
    public static DateOnly Truncate(DateOnly date, DateUnit unit, DayOfWeek weekStart = DayOfWeek.Monday) => unit switch
    {
        DateUnit.Day => date,
        DateUnit.Week => date.AddDays(-(((int)date.DayOfWeek - (int)weekStart + 7) % 7)),
        DateUnit.Month => new DateOnly(date.Year, date.Month, 1),
        DateUnit.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(date.Year, 1, 1),
    };

    public static DateOnly Add(DateOnly date, DateOffset offset) => offset.Unit switch
    {
        DateUnit.Day => date.AddDays(offset.Amount),
        DateUnit.Week => date.AddDays(offset.Amount * 7),
        DateUnit.Month => date.AddMonths(offset.Amount),
        DateUnit.Quarter => date.AddMonths(offset.Amount * 3),
        _ => date.AddYears(offset.Amount),
    };

    public static DateTime Add(DateTime timestamp, DateOffset offset) => offset.Unit switch
    {
        DateUnit.Day => timestamp.AddDays(offset.Amount),
        DateUnit.Week => timestamp.AddDays(offset.Amount * 7),
        DateUnit.Month => timestamp.AddMonths(offset.Amount),
        DateUnit.Quarter => timestamp.AddMonths(offset.Amount * 3),
        _ => timestamp.AddYears(offset.Amount),
    };
}
