using Kiln.Manifests;

namespace Kiln.Plugins.DockerDaemon;

/// <summary>The docker_daemon plugin's one honoured setting: the options dockerd runs with.</summary>
public sealed record DockerDaemonSettings(string? DockerOpts)
{
    public static DockerDaemonSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new DockerDaemonSettings(((string?)manifest.PluginSettings(DockerDaemonPlugin.PluginName)["docker_opts"])?.Trim());
    }
}
