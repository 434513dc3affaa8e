namespace Kiln.Disks;

/// <summary>What a partition on the disk is for.</summary>
public enum PartitionRole
{
    /// <summary>A filesystem from the manifest (root, boot, var ...).</summary>
    Filesystem,

    Swap,

    /// <summary>The small unformatted GPT partition where GRUB puts its core image on BIOS systems.</summary>
    BiosBoot,

    /// <summary>The EFI system partition: FAT, mounted at /boot/efi, where UEFI firmware finds the bootloader.</summary>
    Esp,

    /// <summary>The msdos extended partition that holds logical partitions 5 and up.</summary>
    Extended,

    /// <summary>An LVM physical volume: the partition that holds the image's volume group.</summary>
    PhysicalVolume,
}
