namespace Kiln.Disks;

/// <summary>The computed layout of a disk image: partition table kind, total size and every partition.</summary>
public sealed record DiskLayout(PartitionMapKind Map, ByteSize TotalSize, IReadOnlyList<DiskPartition> Partitions)
{
    /// <summary>Filesystem partitions, deepest mount point last, so a parent is always before its children.</summary>
    public IEnumerable<DiskPartition> Filesystems =>
        Partitions.Where(p => p.Role == PartitionRole.Filesystem).OrderBy(p => p.Spec!.MountPoint.Count(c => c == '/')).ThenBy(p => p.Spec!.MountPoint, StringComparer.Ordinal);

    public DiskPartition Root => Partitions.Single(p => p.Spec?.IsRoot == true);

    /// <summary>The partition holding /boot: the boot partition if there is one, else root.</summary>
    public DiskPartition Boot => Partitions.FirstOrDefault(p => p.Spec?.Key == "boot") ?? Root;

    public DiskPartition? Swap => Partitions.FirstOrDefault(p => p.Role == PartitionRole.Swap);

    public DiskPartition? BiosBoot => Partitions.FirstOrDefault(p => p.Role == PartitionRole.BiosBoot);

    public DiskPartition ForMountPoint(string mountPoint) => Partitions.Single(p => p.Spec?.MountPoint == mountPoint);
}
