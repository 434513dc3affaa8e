using Kiln.Manifests;

namespace Kiln.Disks;

/// <summary>
/// Places the logical volumes of the image's volume group in its physical volume, as pvcreate, vgcreate and
/// lvcreate will: the data starts 1 MiB into the physical volume (LVM's label and metadata before it), extents
/// are 4 MiB, and each volume takes whole extents right after the one before, in bootstrap-vz's order (boot,
/// swap, root, then the others as the manifest lists them). Sizes round up to whole extents; what LVM takes
/// (its first MiB, the rounding, the partition table's share of the partition) comes out of the last volume,
/// as the partition table's share comes out of the partitions next to it. A volume group given more room than
/// its volumes ask for keeps the rest free.
/// </summary>
public static class VolumeGroupCalculator
{
    /// <summary>Where the extents start in the physical volume (pvcreate's default, asked for explicitly).</summary>
    public static readonly ByteSize DataStart = ByteSize.FromMiB(1);

    /// <summary>The extent size (vgcreate's default, asked for explicitly).</summary>
    public static readonly ByteSize ExtentSize = ByteSize.FromMiB(4);

    public static VolumeGroupLayout Place(VolumeGroupSpec group, DiskPartition physicalVolume, DiskIdentifiers ids)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(physicalVolume);
        ArgumentNullException.ThrowIfNull(ids);
        var count = Math.Max(0, (physicalVolume.Size - DataStart).Bytes / ExtentSize.Bytes);
        var entries = Ordered(group);
        var volumes = new List<DiskPartition>();
        long next = 0;
        for (var index = 0; index < entries.Count; index++)
        {
            var (spec, name, size) = entries[index];
            var requested = (size.Bytes + ExtentSize.Bytes - 1) / ExtentSize.Bytes;
            var extents = index == entries.Count - 1 ? Math.Clamp(count - next, 0, requested) : requested;
            volumes.Add(new DiskPartition
            {
                Number = physicalVolume.Number,
                Start = physicalVolume.Start + DataStart + new ByteSize(next * ExtentSize.Bytes),
                Size = new ByteSize(extents * ExtentSize.Bytes),
                Role = spec is null ? PartitionRole.Swap : PartitionRole.Filesystem,
                Spec = spec,
                Uuid = ids.Filesystem($"{VolumeGroupSpec.Key}:{name}").ToString(),
                LogicalVolume = new LogicalVolumePlacement(name, next, extents),
            });
            next += extents;
        }

        return new VolumeGroupLayout(group.Name, physicalVolume, DataStart, ExtentSize, count, volumes);
    }

    private static List<(PartitionSpec? Spec, string Name, ByteSize Size)> Ordered(VolumeGroupSpec group)
    {
        var entries = new List<(PartitionSpec?, string, ByteSize)>();
        entries.AddRange(group.LogicalVolumes.Where(v => v.Key == "boot").Select(v => ((PartitionSpec?)v, v.LogicalVolume!, v.Size)));
        if (group.Swap is { } swap)
        {
            entries.Add((null, group.SwapName, swap));
        }

        entries.AddRange(group.LogicalVolumes.Where(v => v.Key != "boot").Select(v => ((PartitionSpec?)v, v.LogicalVolume!, v.Size)));
        return entries;
    }
}
