namespace Kiln.Disks;

/// <summary>
/// The computed layout of a disk image: partition table kind, total size, every partition, and the volume group
/// one of them holds with its logical volumes.
/// </summary>
public sealed record DiskLayout(PartitionMapKind Map, ByteSize TotalSize, IReadOnlyList<DiskPartition> Partitions, VolumeGroupLayout? VolumeGroup = null)
{
    /// <summary>The partition table's identifier: the GPT disk GUID, or the msdos disk id (<c>0x1a2b3c4d</c>); null without a table.</summary>
    public string? DiskId { get; init; }

    /// <summary>Everything that holds a filesystem or swap: the partitions, then the logical volumes.</summary>
    public IEnumerable<DiskPartition> Volumes => VolumeGroup is { } group ? Partitions.Concat(group.LogicalVolumes) : Partitions;

    /// <summary>Filesystem partitions and volumes, deepest mount point last, so a parent is always before its children.</summary>
    public IEnumerable<DiskPartition> Filesystems =>
        Volumes.Where(p => p.Role is PartitionRole.Filesystem or PartitionRole.Esp).OrderBy(p => p.Spec!.MountPoint.Count(c => c == '/')).ThenBy(p => p.Spec!.MountPoint, StringComparer.Ordinal);

    public DiskPartition Root => Volumes.Single(p => p.Spec?.IsRoot == true);

    /// <summary>The filesystem holding /boot: the boot partition (or volume) if there is one, else root.</summary>
    public DiskPartition Boot => Volumes.FirstOrDefault(p => p.Spec?.Key == "boot") ?? Root;

    public DiskPartition? Swap => Volumes.FirstOrDefault(p => p.Role == PartitionRole.Swap);

    public DiskPartition? BiosBoot => Partitions.FirstOrDefault(p => p.Role == PartitionRole.BiosBoot);

    public DiskPartition? Esp => Partitions.FirstOrDefault(p => p.Role == PartitionRole.Esp);

    public DiskPartition ForMountPoint(string mountPoint) => Volumes.Single(p => p.Spec?.MountPoint == mountPoint);
}
