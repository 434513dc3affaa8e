using Kiln.Disks;

namespace Kiln.Manifests;

/// <summary>
/// <c>volume.partitions.lvm</c>: a volume group on a partition of its own (its physical volume), holding logical
/// volumes with filesystems or swap, keyed like the partitions: <c>root</c>, <c>swap</c>, a mount point.
/// </summary>
public sealed record VolumeGroupSpec
{
    /// <summary>The key of the volume group's partition in <c>volume.partitions</c>.</summary>
    public const string Key = "lvm";

    /// <summary>The name of a swap logical volume when the manifest gives none.</summary>
    public const string DefaultSwapName = "swap";

    public required string Name { get; init; }

    /// <summary>The size of the partition that holds the volume group, when the manifest gives one (more than the volumes leaves free extents).</summary>
    public ByteSize? Size { get; init; }

    /// <summary>The logical volumes with filesystems, in the order of <see cref="VolumeSection.Partitions"/>: boot, root, then the others as listed.</summary>
    public required IReadOnlyList<PartitionSpec> LogicalVolumes { get; init; }

    /// <summary>The size of a swap logical volume, or null for none.</summary>
    public ByteSize? Swap { get; init; }

    public string SwapName { get; init; } = DefaultSwapName;

    /// <summary>What the logical volumes ask for together.</summary>
    public ByteSize VolumesSize => LogicalVolumes.Aggregate(Swap ?? ByteSize.Zero, (sum, volume) => sum + volume.Size);

    /// <summary>The partition's share of the disk: the manifest's size, else what the volumes ask for (LVM's own share is taken from the last volume).</summary>
    public ByteSize PartitionSize => Size ?? VolumesSize;

    public bool HoldsRoot => LogicalVolumes.Any(volume => volume.IsRoot);

    /// <summary>A logical volume's name for a key that has none of its own: the key with <c>/</c> turned into <c>_</c> (<c>var/tmp</c> is <c>var_tmp</c>).</summary>
    public static string NameFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Replace('/', '_');
    }
}
