using System.Text;

namespace Kiln.Disks;

/// <summary>Renders /etc/fstab for a disk layout: every filesystem and swap by UUID.</summary>
public static class FstabFile
{
    /// <summary>A stand-in for filesystem UUIDs in the bootstrap's fstab (see <see cref="RenderForBootstrap"/>).</summary>
    public const string PlaceholderUuid = "00000000-0000-0000-0000-000000000000";

    public static string Render(DiskLayout layout) => Render(layout, placeholders: false);

    /// <summary>
    /// The fstab the bootstrap sees: the filesystems and their types, with placeholder UUIDs and no swap. The
    /// initramfs hooks read it to include the root filesystem's fsck; without real UUIDs every build of one
    /// manifest bootstraps the same tree (a saved or cached tree stays valid), and nothing resumes from a
    /// swap that is not there. The real fstab replaces it once packages are installed.
    /// </summary>
    public static string RenderForBootstrap(DiskLayout layout) => Render(layout, placeholders: true);

    private static string Render(DiskLayout layout, bool placeholders)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var text = new StringBuilder("# /etc/fstab: written by Kiln. <file system> <mount point> <type> <options> <dump> <pass>\n");
        foreach (var partition in layout.Filesystems)
        {
            var spec = partition.Spec!;
            var type = spec.Filesystem.ToString().ToLowerInvariant();
            var options = spec.MountOptions.Count > 0 ? string.Join(',', spec.MountOptions) : DefaultOptions(spec);
            var pass = spec.Filesystem is FilesystemKind.Xfs or FilesystemKind.Btrfs ? 0 : spec.IsRoot ? 1 : 2;
            text.Append($"UUID={(placeholders ? PlaceholderUuid : partition.Uuid)}\t{spec.MountPoint}\t{type}\t{options}\t0\t{pass}\n");
        }

        if (layout.Swap is { } swap && !placeholders)
        {
            text.Append($"UUID={swap.Uuid}\tnone\tswap\tsw\t0\t0\n");
        }

        return text.ToString();
    }

    private static string DefaultOptions(Manifests.PartitionSpec spec) =>
        spec.IsRoot && spec.Filesystem is FilesystemKind.Ext2 or FilesystemKind.Ext3 or FilesystemKind.Ext4 ? "errors=remount-ro" : "defaults";
}
