using System.Text;

namespace Kiln.Disks;

/// <summary>Renders /etc/fstab for a disk layout: every filesystem and swap by UUID.</summary>
public static class FstabFile
{
    public static string Render(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var text = new StringBuilder("# /etc/fstab: written by Kiln. <file system> <mount point> <type> <options> <dump> <pass>\n");
        foreach (var partition in layout.Filesystems)
        {
            var spec = partition.Spec!;
            var type = spec.Filesystem.ToString().ToLowerInvariant();
            var options = spec.MountOptions.Count > 0 ? string.Join(',', spec.MountOptions) : DefaultOptions(spec);
            var pass = spec.Filesystem is FilesystemKind.Xfs or FilesystemKind.Btrfs ? 0 : spec.IsRoot ? 1 : 2;
            text.Append($"UUID={partition.Uuid}\t{spec.MountPoint}\t{type}\t{options}\t0\t{pass}\n");
        }

        if (layout.Swap is { } swap)
        {
            text.Append($"UUID={swap.Uuid}\tnone\tswap\tsw\t0\t0\n");
        }

        return text.ToString();
    }

    private static string DefaultOptions(Manifests.PartitionSpec spec) =>
        spec.IsRoot && spec.Filesystem is FilesystemKind.Ext2 or FilesystemKind.Ext3 or FilesystemKind.Ext4 ? "errors=remount-ro" : "defaults";
}
