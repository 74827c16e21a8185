using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StripeModelGen.Compiler.Sql;

/// <summary>
/// A value of <c>--as-of</c>: the instant compiled SQL reads as "now" instead of the database clock
/// (<see cref="LoweringContext.AsOf"/>). Three forms, all ISO 8601:
/// <list type="bullet">
/// <item><c>2026-06-30</c>: the start of that day in the project's time zone, that is its first instant
/// (midnight, or the end of a daylight-saving gap that swallows midnight);</item>
/// <item><c>2026-06-30T17:30</c>, with optional seconds and up to six decimals, <c>T</c> or a space before
/// the time: that wall-clock time in the project's time zone; a time the clocks skip there (a spring-forward
/// gap) or show twice (a fall-back hour) is refused, since it names no single instant;</item>
/// <item>the same followed by <c>Z</c> or an offset (<c>+02:00</c>): that instant, whatever the time zone.</item>
/// </list>
/// <see cref="TryParse"/> checks the text; <see cref="TryResolve"/> turns it into an instant once the
/// project's time zone is known.
/// </summary>
public sealed partial class AsOf
{
    /// <summary>What the forms look like, for messages.</summary>
    public const string Forms = "a date (2026-06-30) or a timestamp (2026-06-30T17:30:00, 2026-06-30T17:30:00Z, 2026-06-30T17:30:00+02:00)";

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private readonly DateTime _wallClock;
    private readonly TimeSpan? _offset;

    private AsOf(string text, DateTime wallClock, TimeSpan? offset, bool isDate)
    {
        Text = text;
        _wallClock = wallClock;
        _offset = offset;
        IsDate = isDate;
    }

    /// <summary>The value as given.</summary>
    public string Text { get; }

    /// <summary>True for a bare date: the start of that day in the project's time zone.</summary>
    public bool IsDate { get; }

    /// <summary>True when the value names an instant by itself (<c>Z</c> or an offset), whatever the time zone.</summary>
    public bool HasOffset => _offset is not null;

    [GeneratedRegex(
        "^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt ](?<hour>[0-9]{2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:\\.(?<fraction>[0-9]{1,6}))?)?(?<zone>[Zz]|[+-][0-9]{2}:[0-9]{2})?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>
    /// Reads <paramref name="text"/> in one of the three forms; otherwise <paramref name="error"/> says why,
    /// as the end of a sentence starting with the value (<c>is not a valid date</c>).
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out AsOf? asOf, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        asOf = null;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = "is not " + Forms;
            return false;
        }
        if (!DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = "is not a valid date";
            return false;
        }
        if (!match.Groups["hour"].Success)
        {
            asOf = new AsOf(text, date.ToDateTime(TimeOnly.MinValue), null, isDate: true);
            error = null;
            return true;
        }
        var hour = Number(match.Groups["hour"].Value);
        var minute = Number(match.Groups["minute"].Value);
        var second = match.Groups["second"].Success ? Number(match.Groups["second"].Value) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            error = "is not a valid time of day (00:00:00 to 23:59:59)";
            return false;
        }
        var microseconds = match.Groups["fraction"].Success ? Number(match.Groups["fraction"].Value.PadRight(6, '0')) : 0;
        var wallClock = date.ToDateTime(new TimeOnly(hour, minute, second)).AddTicks(microseconds * 10L);

        TimeSpan? offset = null;
        if (match.Groups["zone"].Success)
        {
            var zone = match.Groups["zone"].Value;
            if (zone is "Z" or "z")
            {
                offset = TimeSpan.Zero;
            }
            else
            {
                var hours = Number(zone[1..3]);
                var minutes = Number(zone[4..6]);
                var span = new TimeSpan(hours, minutes, 0);
                if (minutes > 59 || span > MaxOffset)
                {
                    error = "has an offset beyond -14:00 to +14:00";
                    return false;
                }
                offset = zone[0] == '-' ? -span : span;
            }
        }
        asOf = new AsOf(text, wallClock, offset, isDate: false);
        if (offset is not null && !asOf.TryResolve("UTC", out _, out error))
        {
            asOf = null;
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>
    /// The instant the value names in <paramref name="timeZone"/> (an IANA name, the project's time zone); false,
    /// with <paramref name="error"/> saying why as the end of a sentence starting with the value, when a wall-clock
    /// time does not exist there or exists twice.
    /// </summary>
    public bool TryResolve(string timeZone, out DateTimeOffset instant, [NotNullWhen(false)] out string? error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        try
        {
            return Resolve(timeZone, out instant, out error);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A value within hours of 0001-01-01 or 9999-12-31 whose instant falls outside the calendar.
            instant = default;
            error = "is outside the calendar (0001-01-01 to 9999-12-31 UTC)";
            return false;
        }
    }

    private bool Resolve(string timeZone, out DateTimeOffset instant, [NotNullWhen(false)] out string? error)
    {
        instant = default;
        error = null;
        if (_offset is { } offset)
        {
            instant = Instant(_wallClock, offset);
            return true;
        }
        var zone = FindTimeZone(timeZone);
        if (IsDate)
        {
            // The first instant of the day: midnight, or the first minute after a gap that swallows it.
            for (var minute = 0; minute < 24 * 60; minute++)
            {
                var local = _wallClock.AddMinutes(minute);
                if (zone.IsInvalidTime(local))
                    continue;
                instant = Instant(local, zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local));
                return true;
            }
            error = $"is not a day in time zone {timeZone} (its clocks skip the whole day)";
            return false;
        }
        if (zone.IsInvalidTime(_wallClock))
        {
            error = $"is a time the clocks skip in time zone {timeZone} (the project's time zone); give it with an offset (+HH:MM) or choose another time";
            return false;
        }
        if (zone.IsAmbiguousTime(_wallClock))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(_wallClock).OrderDescending().Select(FormatOffset).ToList();
            error = $"occurs twice in time zone {timeZone} (the project's time zone), at offsets {string.Join(" and ", offsets)}; add the one you mean ({Text}{offsets[0]})";
            return false;
        }
        instant = Instant(_wallClock, zone.GetUtcOffset(_wallClock));
        return true;
    }

    /// <summary>An instant as ISO 8601 in UTC, with as many decimals as it has (up to six): <c>2026-06-30T00:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var microseconds = utc.Ticks % TimeSpan.TicksPerSecond / 10;
        if (microseconds != 0)
            text += "." + microseconds.ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0');
        return text + "Z";
    }

    /// <summary>The time zone of an IANA name (<c>UTC</c> and <c>Etc/UTC</c> without reading the system's zone data).</summary>
    public static TimeZoneInfo FindTimeZone(string name) =>
        name is "UTC" or "Etc/UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(name);

    public override string ToString() => Text;

    /// <summary>The instant of a wall-clock time at an offset (which may have seconds: local mean time before standard zones).</summary>
    private static DateTimeOffset Instant(DateTime wallClock, TimeSpan offset) =>
        new(DateTime.SpecifyKind(wallClock - offset, DateTimeKind.Utc));

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
