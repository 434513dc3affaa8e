using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.DockerDaemon;

/// <summary>
/// bootstrap-vz's docker_daemon plugin on Debian's docker.io: the daemon is installed and enabled, and
/// <c>docker_opts</c> become dockerd's options through a systemd drop-in. Pulling images at build time and
/// choosing Docker's version cannot work here and are refused.
/// </summary>
public sealed class DockerDaemonPlugin : IPlugin
{
    public const string PluginName = "docker_daemon";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin docker_daemon", typeof(DockerDaemonPlugin).Assembly, "Plugins/DockerDaemon/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = manifest.Document.Root.SelectToken("plugins.docker_daemon");
        if (settings?["version"] is { } version)
        {
            yield return manifest.Document.ErrorAt(version,
                "`version` cannot be honoured: Kiln installs Debian's docker.io, whose version the release decides (bootstrap-vz downloaded binaries that no longer exist); remove it, or pin docker.io with packages.preferences to a version your apt sources offer");
        }

        foreach (var key in new[] { "pull_images", "pull_images_retries" })
        {
            if (settings?[key] is { } pull)
            {
                yield return manifest.Document.ErrorAt(pull,
                    $"`{key}` cannot be honoured: pulling images needs a running Docker daemon and a registry during the build, and Kiln runs neither; remove it and pull the images when the machine boots (e.g. a systemd unit that runs docker pull)");
            }
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddDockerPackages>().Add<EnableDockerDaemon>();
        if (DockerDaemonSettings.From(manifest).DockerOpts is not null)
        {
            tasks.Add<SetDockerOptions>();
        }
    }
}
