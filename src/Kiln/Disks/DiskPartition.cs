using Kiln.Manifests;

namespace Kiln.Disks;

/// <summary>
/// A partition at its place on the disk: number, byte offset and size, role, and the UUID its filesystem gets. A
/// logical volume of the image's volume group is one too, with <see cref="LogicalVolume"/> set: its offset and size
/// are then where its data lies in the disk (it is linear), and its number is its physical volume's partition's.
/// </summary>
public sealed record DiskPartition
{
    /// <summary>The partition number (1-based; on msdos, logical partitions are 5 and up; 0 for the whole unpartitioned disk).</summary>
    public required int Number { get; init; }

    public required ByteSize Start { get; init; }

    public required ByteSize Size { get; init; }

    public required PartitionRole Role { get; init; }

    /// <summary>The manifest entry of a filesystem partition.</summary>
    public PartitionSpec? Spec { get; init; }

    /// <summary>The filesystem (or swap, or LVM physical volume) UUID, chosen before it is made so fstab and the bootloader can name it.</summary>
    public string? Uuid { get; init; }

    /// <summary>The GPT partition GUID (PARTUUID); null on msdos, whose partitions are named by the disk id and their number.</summary>
    public string? PartitionUuid { get; init; }

    /// <summary>The directory hash seed of an ext filesystem (mke2fs makes a random one otherwise).</summary>
    public string? HashSeed { get; init; }

    /// <summary>Marked active (msdos) or legacy-BIOS-bootable (gpt), for boot code that looks for that mark.</summary>
    public bool Bootable { get; init; }

    /// <summary>The GPT partition type when it is not the role's usual one (root gets its architecture's discoverable type).</summary>
    public string? TypeGuid { get; init; }

    /// <summary>The logical volume this is, or null for an entry of the partition table.</summary>
    public LogicalVolumePlacement? LogicalVolume { get; init; }

    public ByteSize End => Start + Size;

    /// <summary>A name for the build's own files of this partition or volume (<c>partition-3</c>, <c>lv-root</c>), unique in the layout.</summary>
    public string ScratchName => LogicalVolume is { } volume ? $"lv-{volume.Name}" : $"partition-{Number}";

    public string Label => Role switch
    {
        PartitionRole.BiosBoot => "bios-boot",
        PartitionRole.Swap => "swap",
        PartitionRole.Extended => "extended",
        PartitionRole.Esp => "esp",
        PartitionRole.PhysicalVolume => "lvm",
        _ => Spec!.Key,
    };
}
