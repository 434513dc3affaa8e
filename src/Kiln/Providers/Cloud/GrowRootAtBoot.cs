using Kiln.Common;
using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Tasks;

namespace Kiln.Providers.Cloud;

/// <summary>
/// A cloud's volume is often larger than the image: the root partition is grown in the initramfs, before the root
/// is mounted (cloud-initramfs-growroot runs growpart), then systemd grows the filesystem once it is mounted
/// (<c>x-systemd.growfs</c> in fstab), as in Debian's cloud images.
/// </summary>
public sealed class GrowRootAtBoot : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Growing the root partition and filesystem to the volume at boot";

    public override IReadOnlyList<Type> Predecessors => [typeof(WriteFstab)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fstab = context.Paths.InRoot("/etc/fstab");
        File.WriteAllText(fstab, FstabGrowth.GrowRoot(File.ReadAllText(fstab)));
        return Task.CompletedTask;
    }
}
