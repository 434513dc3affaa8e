using Kiln.Disks;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// Puts an fstab with the disk's filesystems (and placeholder UUIDs) into the root before any package is
/// installed: the initramfs, built during the bootstrap, includes the root filesystem's fsck only when
/// fstab names it. <see cref="WriteFstab"/> writes the real one later.
/// </summary>
public sealed class ProvideBootstrapFstab : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Naming the filesystems for the initramfs";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.EarlyFiles["/etc/fstab"] = EarlyFile.Text(FstabFile.RenderForBootstrap(context.RequireLayout()));
        return Task.CompletedTask;
    }
}
