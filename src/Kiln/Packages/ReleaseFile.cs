using System.Globalization;

namespace Kiln.Packages;

/// <summary>Reads fields of a Debian archive's Release file (or InRelease: the fields are the same inside its signature).</summary>
public static class ReleaseFile
{
    private static readonly string[] DateFormats = ["ddd, d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm:ss"];

    public static string? Field(string releaseText, string field)
    {
        ArgumentNullException.ThrowIfNull(releaseText);
        var prefix = field + ":";
        return releaseText.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line[prefix.Length..].Trim())
            .FirstOrDefault();
    }

    /// <summary>
    /// The <c>Date:</c> field, when the archive was last updated: RFC 2822 as apt writes it (<c>Sat, 06 Sep 2025
    /// 09:30:21 UTC</c>), with <c>UTC</c>, <c>GMT</c>, <c>Z</c> or a numeric offset (<c>+0000</c>); null when missing or unreadable.
    /// </summary>
    public static DateTimeOffset? Date(string releaseText)
    {
        if (Field(releaseText, "Date") is not { } text)
        {
            return null;
        }

        var space = text.LastIndexOf(' ');
        if (space < 0 || Offset(text[(space + 1)..]) is not { } offset)
        {
            return null;
        }

        return DateTime.TryParseExact(text[..space].Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset)
            : null;
    }

    private static TimeSpan? Offset(string zone)
    {
        if (zone is "UTC" or "GMT" or "Z" or "UT")
        {
            return TimeSpan.Zero;
        }

        if (zone.Length != 5 || zone[0] is not ('+' or '-') || !int.TryParse(zone.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
        {
            return null;
        }

        var offset = new TimeSpan(hhmm / 100, hhmm % 100, 0);
        return zone[0] == '-' ? -offset : offset;
    }
}
