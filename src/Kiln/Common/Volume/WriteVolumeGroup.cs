using Kiln.Disks;
using Kiln.Disks.Lvm;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// Writes the image's volume group into its partition: LVM's own tools on a loop device over the partition,
/// with activation off, so no device-mapper is needed. Then checks that LVM put every logical volume where the
/// layout says, since the filesystems are written there.
/// </summary>
public sealed class WriteVolumeGroup : BuildTask
{
    public override Phase Phase => Phase.VolumeCreation;

    public override string Description => "Writing the volume group into the disk image";

    public override IReadOnlyList<Type> Predecessors => [typeof(PartitionDiskImage)];

    public override IEnumerable<HostTool> Tools =>
    [
        new("pvcreate", "lvm2"), new("vgcreate", "lvm2"), new("lvcreate", "lvm2"), new("vgchange", "lvm2"), new("pvs", "lvm2"), new("lvs", "lvm2"), new("losetup", "mount"),
    ];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var group = context.RequireLayout().VolumeGroup ?? throw new InvalidOperationException("the layout has no volume group");
        var systemDirectory = Path.Combine(context.Paths.Scratch, "lvm");
        Directory.CreateDirectory(systemDirectory);
        await File.WriteAllTextAsync(Path.Combine(systemDirectory, "lvm.conf"), LvmConfiguration.ForBuild(systemDirectory), cancellationToken);
        var physicalVolume = group.PhysicalVolume;
        var (device, detach) = await new LoopDevices(context.Runner, context.Undo, context.Journal)
            .AttachAsync(context.DiskPath, physicalVolume.Start.Bytes, physicalVolume.Size.Bytes, cancellationToken);
        var lvm = new LvmCommands(device, systemDirectory);
        foreach (var command in lvm.Create(group))
        {
            await context.Runner.RunCheckedAsync(command, cancellationToken);
        }

        var written = LvmReport.PhysicalVolume((await context.Runner.RunCheckedAsync(lvm.ReportPhysicalVolume(), cancellationToken)).StandardOutput);
        var segments = LvmReport.Segments((await context.Runner.RunCheckedAsync(lvm.ReportLogicalVolumes(group.Name), cancellationToken)).StandardOutput);
        var differences = VolumeGroupCheck.Differences(group, written, segments);
        if (differences.Count > 0)
        {
            throw new KilnException($"LVM wrote the volume group {group.Name} differently from the layout its filesystems are written into: {string.Join("; ", differences)}");
        }

        if (IsHeld(device))
        {
            await context.Runner.RunCheckedAsync(lvm.Deactivate(group.Name), cancellationToken);
        }

        await detach.ReleaseAsync(cancellationToken);
    }

    /// <summary>Whether something on the host holds the loop device: a build host's udev that activated the group.</summary>
    private static bool IsHeld(string device)
    {
        var holders = $"/sys/block/{Path.GetFileName(device)}/holders";
        return Directory.Exists(holders) && Directory.EnumerateFileSystemEntries(holders).Any();
    }
}
