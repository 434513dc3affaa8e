using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Docker;

/// <summary>
/// bootstrap-vz's container settings: dpkg without syncs (<c>docker-apt-speedup</c>), no rule that keeps old
/// kernels from autoremoval (there is no kernel), and systemd told it runs in a container.
/// </summary>
public sealed class WriteContainerSettings : BuildTask
{
    public const string DpkgSpeedup = "/etc/dpkg/dpkg.cfg.d/docker-apt-speedup";
    public const string AutoremoveKernels = "/etc/apt/apt.conf.d/01autoremove-kernels";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Writing the container settings";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(DpkgSpeedup, ImageFiles.Asset<WriteContainerSettings>("Providers/Docker/assets/docker-apt-speedup"));
        File.Delete(context.Paths.InRoot(AutoremoveKernels));
        context.WriteFile("/run/systemd/container", "docker\n");
        return Task.CompletedTask;
    }
}
