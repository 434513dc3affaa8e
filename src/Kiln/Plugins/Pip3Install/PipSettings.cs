using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Pip3Install;

/// <summary>
/// The settings of pip3_install and pip_install (the same on today's Debian, where pip is Python 3's): the
/// requirements, and Kiln's index URL, wheel directory and build tools switch.
/// </summary>
public sealed record PipSettings(IReadOnlyList<string> Packages, string? IndexUrl, string? WheelDirectory, bool BuildTools)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static PipSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var packages = settings["packages"] is JArray items ? items.Select(item => (string)item!).ToList() : [];
        var wheels = (string?)settings["wheel_directory"];
        return new PipSettings(
            packages,
            (string?)settings["index_url"],
            wheels is null ? null : section.FullPath(wheels),
            settings["build_tools"]?.Value<bool>() != false)
        {
            Where = section.Locations,
        };
    }

    /// <summary>The wheels a wheel directory offers (its top level, as pip's --find-links reads it).</summary>
    public static IReadOnlyList<string> Wheels(string directory) =>
        Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "*.whl").Order(StringComparer.Ordinal)] : [];
}
