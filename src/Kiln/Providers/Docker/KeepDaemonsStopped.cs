using Kiln.Common;
using Kiln.Common.Chroot;
using Kiln.Tasks;

namespace Kiln.Providers.Docker;

/// <summary>
/// A policy-rc.d that stays in the image (bootstrap-vz's docker provider kept it): package scripts run in a
/// container start no daemons. Written after the build's own one is removed.
/// </summary>
public sealed class KeepDaemonsStopped : BuildTask
{
    public const string PolicyPath = "/usr/sbin/policy-rc.d";

    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Keeping daemons from starting in containers";

    public override IReadOnlyList<Type> Predecessors => [typeof(UnmountSpecialFilesystems)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(PolicyPath, ImageFiles.Asset<KeepDaemonsStopped>("Providers/Docker/assets/policy-rc.d"), ImageFiles.Executable);
        return Task.CompletedTask;
    }
}
