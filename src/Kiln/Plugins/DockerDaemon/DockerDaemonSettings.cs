using Kiln.Specs;

namespace Kiln.Plugins.DockerDaemon;

/// <summary>The docker_daemon plugin's one honoured setting: the options dockerd runs with (and which refused keys were given).</summary>
public sealed record DockerDaemonSettings(string? DockerOpts, IReadOnlyList<string> RefusedKeys)
{
    private static readonly string[] RefusableKeys = ["version", "pull_images", "pull_images_retries"];

    public SourceMap Where { get; init; } = SourceMap.None;

    public static DockerDaemonSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var refused = RefusableKeys.Where(key => settings[key] is not null).ToList();
        return new DockerDaemonSettings(((string?)settings["docker_opts"])?.Trim(), refused) { Where = section.Locations };
    }
}
