using Kiln.Specs;

namespace Kiln.Samples.Motd;

/// <summary>The motd plugin's settings: the message, and where the manifest wrote it (for errors).</summary>
public sealed record MotdSettings(string Message, SourceMap Where)
{
    public static MotdSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new MotdSettings((string?)section.Object["message"] ?? string.Empty, section.Locations);
    }
}
