using Kiln.Disks;

namespace Kiln.Common.Volume;

/// <summary>Chooses how a partition's filesystem is written: in place where mkfs can fill it, else through a mount.</summary>
public static class FilesystemWriters
{
    private static readonly ExtFilesystemWriter Ext = new();
    private static readonly BtrfsFilesystemWriter Btrfs = new();
    private static readonly MountedFilesystemWriter Mounted = new();
    private static readonly FatFilesystemWriter Fat = new();

    public static IFilesystemWriter For(DiskPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var spec = partition.Spec!;
        if (spec.FormatCommand is not null)
        {
            return Mounted;
        }

        return spec.Filesystem switch
        {
            FilesystemKind.Ext2 or FilesystemKind.Ext3 or FilesystemKind.Ext4 => Ext,
            FilesystemKind.Btrfs when spec.Mode is null => Btrfs,
            FilesystemKind.Vfat => Fat,
            _ => Mounted,
        };
    }
}
