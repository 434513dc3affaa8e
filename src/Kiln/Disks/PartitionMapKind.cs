namespace Kiln.Disks;

/// <summary>The partition table of a disk image: none (one filesystem on the whole disk), msdos (MBR) or gpt.</summary>
public enum PartitionMapKind
{
    None,
    Msdos,
    Gpt,
}
