using Kiln.Manifests;

namespace Kiln.Disks;

/// <summary>A partition at its place on the disk: number, byte offset and size, role, and the UUID its filesystem gets.</summary>
public sealed record DiskPartition
{
    /// <summary>The partition number (1-based; on msdos, logical partitions are 5 and up; 0 for the whole unpartitioned disk).</summary>
    public required int Number { get; init; }

    public required ByteSize Start { get; init; }

    public required ByteSize Size { get; init; }

    public required PartitionRole Role { get; init; }

    /// <summary>The manifest entry of a filesystem partition.</summary>
    public PartitionSpec? Spec { get; init; }

    /// <summary>The filesystem (or swap) UUID, chosen before the filesystem is made so fstab and the bootloader can name it.</summary>
    public string? Uuid { get; init; }

    /// <summary>Marked active (msdos) or legacy-BIOS-bootable (gpt), for boot code that looks for that mark.</summary>
    public bool Bootable { get; init; }

    public ByteSize End => Start + Size;

    public string Label => Role switch
    {
        PartitionRole.BiosBoot => "bios-boot",
        PartitionRole.Swap => "swap",
        PartitionRole.Extended => "extended",
        _ => Spec!.Key,
    };
}
