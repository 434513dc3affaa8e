using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.DockerDaemon;

/// <summary>
/// bootstrap-vz's docker_daemon plugin on Debian's docker.io: the daemon is installed and enabled, and
/// <c>docker_opts</c> become dockerd's options through a systemd drop-in. Pulling images at build time and
/// choosing Docker's version cannot work here and are refused.
/// </summary>
public sealed class DockerDaemonPlugin : Plugin<DockerDaemonSettings>
{
    public const string PluginName = "docker_daemon";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin docker_daemon", typeof(DockerDaemonPlugin).Assembly, "Plugins/DockerDaemon/manifest-schema.yml");

    public override DockerDaemonSettings Bind(SettingsSection section) => DockerDaemonSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, DockerDaemonSettings settings)
    {
        if (settings.RefusedKeys.Contains("version"))
        {
            yield return settings.Where.ErrorAt("version",
                "`version` cannot be honoured: Kiln installs Debian's docker.io, whose version the release decides (bootstrap-vz downloaded binaries that no longer exist); remove it, or pin docker.io with packages.preferences to a version your apt sources offer");
        }

        foreach (var key in new[] { "pull_images", "pull_images_retries" })
        {
            if (settings.RefusedKeys.Contains(key))
            {
                yield return settings.Where.ErrorAt(key,
                    $"`{key}` cannot be honoured: pulling images needs a running Docker daemon and a registry during the build, and Kiln runs neither; remove it and pull the images when the machine boots (e.g. a systemd unit that runs docker pull)");
            }
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, DockerDaemonSettings settings)
    {
        tasks.Add<AddDockerPackages>().Add<EnableDockerDaemon>();
        if (settings.DockerOpts is not null)
        {
            tasks.Add<SetDockerOptions>();
        }
    }
}
