using Kiln.Disks;

namespace Kiln.Manifests;

/// <summary>The <c>volume</c> section: the disk image format, partition table, partitions and swap.</summary>
public sealed record VolumeSection
{
    public string Backing { get; init; } = "raw";

    public PartitionMapKind PartitionMap { get; init; } = PartitionMapKind.Msdos;

    /// <summary>The formatted partitions in disk order: boot, root, then the others as the manifest lists them.</summary>
    public required IReadOnlyList<PartitionSpec> Partitions { get; init; }

    public ByteSize? Swap { get; init; }

    public PartitionSpec Root => Partitions.Single(p => p.IsRoot);

    /// <summary>The disk size: the sum of all partition sizes, as in bootstrap-vz (table overhead is taken from them).</summary>
    public ByteSize TotalSize => Partitions.Aggregate(Swap ?? ByteSize.Zero, (sum, p) => sum + p.Size);

    /// <summary>The partition that holds /boot: a boot partition if there is one, else root.</summary>
    public PartitionSpec BootPartition => Partitions.FirstOrDefault(p => p.Key == "boot") ?? Root;
}
