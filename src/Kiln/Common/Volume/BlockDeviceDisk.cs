using Kiln.Disks.Lvm;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// Makes a block device the build's disk: zeroed first, so it reads as a new sparse disk file does (the
/// filesystem writers skip zero blocks), then every task that writes the disk writes to it.
/// </summary>
public static class BlockDeviceDisk
{
    public static async Task UseAsync(BuildContext context, string device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Runner.RunCheckedAsync(HostLogicalVolumeCommands.Zero(device), cancellationToken);
        context.DiskPath = device;
    }
}
