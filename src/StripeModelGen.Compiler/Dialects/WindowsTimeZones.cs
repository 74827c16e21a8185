using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace StripeModelGen.Compiler.Dialects;

/// <summary>
/// The Windows name of an IANA time zone (<c>Europe/Berlin</c> → <c>W. Europe Standard Time</c>), for
/// engines whose time-zone conversion only knows Windows names (SQL Server's <c>AT TIME ZONE</c>). .NET's
/// <see cref="TimeZoneInfo.TryConvertIanaIdToWindowsId(string, out string)"/> needs ICU, which the
/// compiler does not load (invariant globalization), so the table ships with it: CLDR's windowsZones
/// mapping plus the tz database's older and renamed names (<c>WindowsTimeZones.tsv</c>).
/// </summary>
public static class WindowsTimeZones
{
    private const string ResourceName = "StripeModelGen.Compiler.Dialects.WindowsTimeZones.tsv";

    private static readonly Lazy<FrozenDictionary<string, string>> Table = new(Load);

    /// <summary>Every IANA name with a Windows name, and that name.</summary>
    public static IReadOnlyDictionary<string, string> All => Table.Value;

    /// <summary>The Windows name of <paramref name="ianaName"/> (matched exactly, as the tz database spells it).</summary>
    public static bool TryGetWindowsName(string ianaName, [NotNullWhen(true)] out string? windowsName)
    {
        ArgumentNullException.ThrowIfNull(ianaName);
        return Table.Value.TryGetValue(ianaName, out windowsName);
    }

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(WindowsTimeZones).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
                throw new InvalidOperationException($"{ResourceName}: expected `iana<TAB>windows`, found `{line}`.");
            table.Add(line[..tab], line[(tab + 1)..]);
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
