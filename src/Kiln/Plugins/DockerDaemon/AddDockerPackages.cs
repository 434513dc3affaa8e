using Kiln.Common.Apt;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.DockerDaemon;

/// <summary>
/// Adds Debian's docker.io and what its recommendations bring that a Docker host needs: the docker command (its
/// own package, docker-cli, from trixie on), AppArmor's parser (Debian's kernels enable AppArmor, and without the
/// parser no container starts), CA certificates for registries, and xz for compressed image layers.
/// </summary>
public sealed class AddDockerPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding Docker";

    public override IReadOnlyList<Type> Predecessors => [typeof(ResolveRelease)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var package in PackagesFor(context.Release))
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }

    public static IReadOnlyList<string> PackagesFor(DebianRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return release >= ReleaseCatalog.Trixie
            ? ["docker.io", "docker-cli", "apparmor", "ca-certificates", "xz-utils"]
            : ["docker.io", "apparmor", "ca-certificates", "xz-utils"];
    }
}
