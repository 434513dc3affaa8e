using System.Globalization;

namespace Kiln.Cli.Output;

/// <summary>Durations as a person reads them on a console: <c>0:42</c>, <c>12:05</c>, <c>1:02:03</c>.</summary>
public static class Durations
{
    public static string Clock(TimeSpan elapsed)
    {
        var seconds = (long)Math.Max(0, elapsed.TotalSeconds);
        return seconds >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    /// <summary>With tenths, for the timing table: <c>0:42.3</c>.</summary>
    public static string Precise(TimeSpan elapsed)
    {
        var tenths = (long)Math.Round(Math.Max(0, elapsed.TotalSeconds) * 10);
        return string.Create(CultureInfo.InvariantCulture, $"{tenths / 600}:{tenths / 10 % 60:00}.{tenths % 10}");
    }
}
