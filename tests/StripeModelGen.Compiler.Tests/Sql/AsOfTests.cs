using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Tests.Sql;

/// <summary>
/// <c>--as-of</c> values: a date is the start of that day in the project's time zone, a time without offset is
/// that wall-clock time there (refused when the clocks skip it or show it twice), a time with <c>Z</c> or an
/// offset is that instant; anything else is refused with a reason.
/// </summary>
public sealed class AsOfTests
{
    private static string Resolve(string text, string timeZone)
    {
        Assert.True(AsOf.TryParse(text, out var asOf, out var error), error);
        Assert.True(asOf.TryResolve(timeZone, out var instant, out error), error);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        return AsOf.Format(instant);
    }

    private static string ResolveError(string text, string timeZone)
    {
        Assert.True(AsOf.TryParse(text, out var asOf, out var error), error);
        Assert.False(asOf.TryResolve(timeZone, out _, out error));
        return error;
    }

    [Theory]
    [InlineData("2026-06-30", "UTC", "2026-06-30T00:00:00Z")]
    [InlineData("2026-06-30", "Etc/UTC", "2026-06-30T00:00:00Z")]
    [InlineData("2026-06-30", "Europe/Berlin", "2026-06-29T22:00:00Z")] // summer time, +02:00
    [InlineData("2026-01-15", "Europe/Berlin", "2026-01-14T23:00:00Z")] // winter time, +01:00
    [InlineData("2026-03-29", "Europe/Berlin", "2026-03-28T23:00:00Z")] // the day clocks go forward at 02:00: midnight is still +01:00
    [InlineData("2026-06-30", "America/New_York", "2026-06-30T04:00:00Z")]
    [InlineData("2026-06-30", "Asia/Kolkata", "2026-06-29T18:30:00Z")]
    public void A_date_is_the_start_of_that_day_in_the_project_s_time_zone(string text, string timeZone, string expected) =>
        Assert.Equal(expected, Resolve(text, timeZone));

    [Fact]
    public void A_date_whose_midnight_the_clocks_skip_starts_when_the_gap_ends()
    {
        // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September: 2026-09-06 starts at 01:00 (-03:00).
        var zone = AsOf.FindTimeZone("America/Santiago");
        var midnight = new DateTime(2026, 9, 6, 0, 0, 0, DateTimeKind.Unspecified);
        Assert.True(zone.IsInvalidTime(midnight), "the test needs a zone whose clocks skip midnight");

        Assert.Equal("2026-09-06T04:00:00Z", Resolve("2026-09-06", "America/Santiago"));
        Assert.Equal("2026-09-05T04:00:00Z", Resolve("2026-09-05", "America/Santiago")); // the day before: midnight at -04:00
    }

    [Theory]
    [InlineData("2026-06-30T17:30", "UTC", "2026-06-30T17:30:00Z")]
    [InlineData("2026-06-30T17:30:15", "Europe/Berlin", "2026-06-30T15:30:15Z")]
    [InlineData("2026-06-30 17:30:15.25", "Europe/Berlin", "2026-06-30T15:30:15.25Z")]
    [InlineData("2026-06-30t17:30:15.123456", "UTC", "2026-06-30T17:30:15.123456Z")]
    [InlineData("2026-10-25T01:30", "Europe/Berlin", "2026-10-24T23:30:00Z")] // before the repeated hour
    [InlineData("2026-10-25T03:30", "Europe/Berlin", "2026-10-25T02:30:00Z")] // after it
    public void A_time_without_offset_is_that_wall_clock_time_in_the_project_s_time_zone(string text, string timeZone, string expected) =>
        Assert.Equal(expected, Resolve(text, timeZone));

    [Theory]
    [InlineData("2026-06-30T17:30:00Z", "2026-06-30T17:30:00Z")]
    [InlineData("2026-06-30T17:30z", "2026-06-30T17:30:00Z")]
    [InlineData("2026-06-30T17:30:00+02:00", "2026-06-30T15:30:00Z")]
    [InlineData("2026-06-30T01:00:00-05:30", "2026-06-30T06:30:00Z")]
    [InlineData("2026-06-30T23:00:00-14:00", "2026-07-01T13:00:00Z")]
    [InlineData("2026-03-29T02:30:00+01:00", "2026-03-29T01:30:00Z")] // a wall-clock time Berlin skips, given with its offset
    public void A_time_with_an_offset_is_that_instant_whatever_the_time_zone(string text, string expected)
    {
        Assert.Equal(expected, Resolve(text, "UTC"));
        Assert.Equal(expected, Resolve(text, "Europe/Berlin"));
        Assert.True(AsOf.TryParse(text, out var asOf, out _));
        Assert.True(asOf.HasOffset);
        Assert.False(asOf.IsDate);
    }

    [Fact]
    public void A_time_the_clocks_skip_is_refused()
    {
        Assert.Equal(
            "is a time the clocks skip in time zone Europe/Berlin (the project's time zone); give it with an offset (+HH:MM) or choose another time",
            ResolveError("2026-03-29T02:30", "Europe/Berlin"));
        Assert.Equal("2026-03-29T02:30:00Z", Resolve("2026-03-29T02:30", "UTC"));
    }

    [Fact]
    public void A_time_the_clocks_show_twice_is_refused_with_both_offsets()
    {
        Assert.Equal(
            "occurs twice in time zone Europe/Berlin (the project's time zone), at offsets +02:00 and +01:00; add the one you mean (2026-10-25T02:30+02:00)",
            ResolveError("2026-10-25T02:30", "Europe/Berlin"));
        Assert.Equal("2026-10-25T00:30:00Z", Resolve("2026-10-25T02:30+02:00", "Europe/Berlin"));
        Assert.Equal("2026-10-25T01:30:00Z", Resolve("2026-10-25T02:30+01:00", "Europe/Berlin"));
    }

    [Theory]
    [InlineData("", "is not " + AsOf.Forms)]
    [InlineData("yesterday", "is not " + AsOf.Forms)]
    [InlineData("2026-6-30", "is not " + AsOf.Forms)]
    [InlineData("20260630", "is not " + AsOf.Forms)]
    [InlineData("2026-06-30Z", "is not " + AsOf.Forms)]
    [InlineData("2026-06-30T17", "is not " + AsOf.Forms)]
    [InlineData("2026-06-30T17:30:00.1234567", "is not " + AsOf.Forms)]
    [InlineData("2026-06-30T17:30:00+0200", "is not " + AsOf.Forms)]
    [InlineData(" 2026-06-30", "is not " + AsOf.Forms)]
    [InlineData("２０２６-06-30", "is not " + AsOf.Forms)]
    [InlineData("2026-02-29", "is not a valid date")]
    [InlineData("2026-13-01", "is not a valid date")]
    [InlineData("0000-01-01", "is not a valid date")]
    [InlineData("2026-06-30T24:00", "is not a valid time of day (00:00:00 to 23:59:59)")]
    [InlineData("2026-06-30T12:60", "is not a valid time of day (00:00:00 to 23:59:59)")]
    [InlineData("2026-06-30T23:59:60Z", "is not a valid time of day (00:00:00 to 23:59:59)")]
    [InlineData("2026-06-30T12:00+14:01", "has an offset beyond -14:00 to +14:00")]
    [InlineData("2026-06-30T12:00-15:00", "has an offset beyond -14:00 to +14:00")]
    [InlineData("2026-06-30T12:00+01:60", "has an offset beyond -14:00 to +14:00")]
    [InlineData("0001-01-01T00:00+01:00", "is outside the calendar (0001-01-01 to 9999-12-31 UTC)")]
    [InlineData("9999-12-31T23:00-02:00", "is outside the calendar (0001-01-01 to 9999-12-31 UTC)")]
    public void Anything_else_is_refused_with_the_reason(string text, string expected)
    {
        Assert.False(AsOf.TryParse(text, out var asOf, out var error));
        Assert.Null(asOf);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_day_at_the_end_of_the_calendar_is_refused_when_its_start_is_outside_it()
    {
        Assert.Equal("9999-12-31T00:00:00Z", Resolve("9999-12-31", "UTC"));
        Assert.Equal("is outside the calendar (0001-01-01 to 9999-12-31 UTC)", ResolveError("0001-01-01", "Europe/Berlin"));
    }

    [Fact]
    public void A_date_before_standard_time_zones_resolves_in_local_mean_time()
    {
        // Berlin kept local mean time (+00:53:28) until 1893.
        Assert.StartsWith("1849-12-31T23:06:", Resolve("1850-01-01", "Europe/Berlin"), StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_is_iso_8601_in_utc_with_the_decimals_it_needs()
    {
        Assert.Equal("2026-06-30T15:30:00Z", AsOf.Format(new DateTimeOffset(2026, 6, 30, 17, 30, 0, TimeSpan.FromHours(2))));
        Assert.Equal("2026-06-30T15:30:00.5Z", AsOf.Format(new DateTimeOffset(2026, 6, 30, 15, 30, 0, 500, TimeSpan.Zero)));
        Assert.Equal("2026-06-30T15:30:00.000001Z", AsOf.Format(new DateTimeOffset(2026, 6, 30, 15, 30, 0, TimeSpan.Zero).AddTicks(10)));
    }
}
