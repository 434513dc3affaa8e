namespace Kiln.Common.Locale;

/// <summary>What a timezone name means for the image.</summary>
public static class TimezoneSetting
{
    public static bool IsUtc(string timezone) => timezone is "UTC" or "Etc/UTC" or "Universal" or "Zulu" or "Etc/Universal";

    /// <summary>The zoneinfo name the /etc/localtime link points at.</summary>
    public static string ZoneName(string timezone) => IsUtc(timezone) ? "Etc/UTC" : timezone;
}
