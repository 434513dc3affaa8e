using Kiln.Disks;

namespace Kiln.Manifests;

/// <summary>The <c>volume</c> section: the disk image format, partition table, partitions, swap and the image's volume group.</summary>
public sealed record VolumeSection
{
    /// <summary>The <c>backing</c> that writes the disk onto a logical volume of the build host (bootstrap-vz's).</summary>
    public const string LvmBacking = "lvm";

    public string Backing { get; init; } = "raw";

    /// <summary><c>volume.volumegroup</c>: with <c>backing: lvm</c>, the build host's volume group the disk is created in.</summary>
    public string? BackingVolumeGroup { get; init; }

    /// <summary><c>volume.logicalvolume</c>: with <c>backing: lvm</c>, the name of the logical volume that becomes the disk.</summary>
    public string? BackingLogicalVolume { get; init; }

    public bool IsLogicalVolumeBacking => Backing == LvmBacking;

    public PartitionMapKind PartitionMap { get; init; } = PartitionMapKind.Msdos;

    /// <summary>The formatted partitions in disk order: boot, root, then the others as the manifest lists them.</summary>
    public required IReadOnlyList<PartitionSpec> Partitions { get; init; }

    public ByteSize? Swap { get; init; }

    /// <summary>The share of the disk the manifest gives the EFI system partition (<c>volume.partitions.esp.size</c>), or null for the default.</summary>
    public ByteSize? Esp { get; init; }

    /// <summary><c>uuid_seed</c>: what the disk's identifiers derive from instead of the manifest's name and epoch.</summary>
    public string? UuidSeed { get; init; }

    /// <summary>The volume group on a partition of its own (<c>volume.partitions.lvm</c>), or null.</summary>
    public VolumeGroupSpec? VolumeGroup { get; init; }

    /// <summary>Every filesystem: the partitions, then the volume group's logical volumes.</summary>
    public IEnumerable<PartitionSpec> Filesystems => VolumeGroup is { } group ? Partitions.Concat(group.LogicalVolumes) : Partitions;

    public PartitionSpec Root => Filesystems.Single(p => p.IsRoot);

    /// <summary>The sum of the partition sizes the manifest lists, as in bootstrap-vz (table overhead is taken from them).</summary>
    public ByteSize TotalSize => Partitions.Aggregate((Swap ?? ByteSize.Zero) + (Esp ?? ByteSize.Zero) + (VolumeGroup?.PartitionSize ?? ByteSize.Zero), (sum, p) => sum + p.Size);

    /// <summary>The filesystem that holds /boot: a boot partition or volume if there is one, else root.</summary>
    public PartitionSpec BootPartition => Filesystems.FirstOrDefault(p => p.Key == "boot") ?? Root;
}
