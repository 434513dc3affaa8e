using System.Globalization;

namespace Kiln.Specs;

/// <summary>
/// The build's SOURCE_DATE_EPOCH (reproducible-builds.org): the time every file time in the image is clamped to and
/// every tool that writes a time is given, in seconds since 1970, with where it came from (for the log).
/// </summary>
public sealed record SourceDateEpoch(long Seconds, string Origin)
{
    public const string VariableName = "SOURCE_DATE_EPOCH";

    public const string ManifestKey = "bootstrapper.source_date_epoch";

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds(Seconds);

    /// <summary>The value as the variable carries it.</summary>
    public string Text => Seconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>The environment's variable wins (as <c>--workspace</c> wins over the manifest), then the manifest's key; null when neither is set.</summary>
    public static SourceDateEpoch? Choose(long? environment, long? manifest) =>
        environment is { } fromEnvironment ? new SourceDateEpoch(fromEnvironment, $"the environment's {VariableName}")
        : manifest is { } fromManifest ? new SourceDateEpoch(fromManifest, ManifestKey)
        : null;

    /// <summary>The environment variable's value as seconds; null when it is unset or empty.</summary>
    /// <exception cref="UserInputException">The value is not a whole number of seconds.</exception>
    public static long? ParseVariable(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new UserInputException($"{VariableName} is `{value}`; it must be a whole number of seconds since 1970-01-01 UTC (e.g. `date +%s`)");
    }

    /// <summary>The epoch the mirror's Release file gives: its <c>Date:</c>, the time that snapshot of the suite was made.</summary>
    public static SourceDateEpoch FromRelease(DateTimeOffset date, string suite) =>
        new(date.ToUnixTimeSeconds(), $"the Date of the mirror's {suite} Release file");

    public override string ToString() => $"{Text} ({Time:yyyy-MM-dd HH:mm:ss} UTC, from {Origin})";
}
