using StripeModelGen.Compiler.Dialects;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>The IANA to Windows time zone table SQL Server's AT TIME ZONE needs (ICU is not loaded, so .NET cannot map them).</summary>
public sealed class WindowsTimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "W. Europe Standard Time")]
    [InlineData("Europe/London", "GMT Standard Time")]
    [InlineData("America/New_York", "Eastern Standard Time")]
    [InlineData("America/Los_Angeles", "Pacific Standard Time")]
    [InlineData("America/Sao_Paulo", "E. South America Standard Time")]
    [InlineData("Asia/Tokyo", "Tokyo Standard Time")]
    [InlineData("Australia/Sydney", "AUS Eastern Standard Time")]
    [InlineData("Etc/UTC", "UTC")]
    [InlineData("UTC", "UTC")]
    [InlineData("Etc/GMT+5", "SA Pacific Standard Time")]
    // Names the tz database renamed after CLDR's mapping was written, and backward-compatible links.
    [InlineData("Asia/Kolkata", "India Standard Time")]
    [InlineData("Asia/Calcutta", "India Standard Time")]
    [InlineData("Europe/Kyiv", "FLE Standard Time")]
    [InlineData("America/Argentina/Buenos_Aires", "Argentina Standard Time")]
    [InlineData("US/Eastern", "Eastern Standard Time")]
    public void Iana_names_map_to_windows_names(string iana, string windows)
    {
        Assert.True(WindowsTimeZones.TryGetWindowsName(iana, out var name));
        Assert.Equal(windows, name);
    }

    [Theory]
    [InlineData("Antarctica/Troll")]
    [InlineData("europe/berlin")]
    [InlineData("Mars/Olympus_Mons")]
    public void Names_without_a_windows_zone_are_not_guessed(string iana) => Assert.False(WindowsTimeZones.TryGetWindowsName(iana, out _));

    [Fact]
    public void Every_common_zone_of_the_tz_database_has_a_windows_name()
    {
        // The zones a finance team is likely to name; each must be convertible on SQL Server.
        string[] zones =
        [
            "Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi", "America/Chicago", "America/Denver", "America/Mexico_City",
            "America/Phoenix", "America/Toronto", "America/Vancouver", "Asia/Dubai", "Asia/Hong_Kong", "Asia/Jakarta", "Asia/Seoul", "Asia/Shanghai",
            "Asia/Singapore", "Asia/Tehran", "Europe/Amsterdam", "Europe/Dublin", "Europe/Istanbul", "Europe/Madrid", "Europe/Moscow", "Europe/Paris",
            "Europe/Stockholm", "Europe/Warsaw", "Europe/Zurich", "Pacific/Auckland", "Pacific/Honolulu",
        ];
        Assert.DoesNotContain(zones, z => !WindowsTimeZones.TryGetWindowsName(z, out _));
        Assert.True(WindowsTimeZones.All.Count > 500);
    }
}
