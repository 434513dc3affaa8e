namespace Kiln.Disks;

/// <summary>The filesystems Kiln can create and fill.</summary>
public enum FilesystemKind
{
    Ext2,
    Ext3,
    Ext4,
    Xfs,
    Btrfs,

    /// <summary>FAT, for the EFI system partition only.</summary>
    Vfat,
}
