using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Tests.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class FilesystemWritersTests
{
    [Theory]
    [InlineData(FilesystemKind.Ext2, null, false, typeof(ExtFilesystemWriter))]
    [InlineData(FilesystemKind.Ext4, "1777", false, typeof(ExtFilesystemWriter))]
    [InlineData(FilesystemKind.Btrfs, null, false, typeof(BtrfsFilesystemWriter))]
    [InlineData(FilesystemKind.Btrfs, "1777", false, typeof(MountedFilesystemWriter))]
    [InlineData(FilesystemKind.Xfs, null, false, typeof(MountedFilesystemWriter))]
    [InlineData(FilesystemKind.Ext4, null, true, typeof(MountedFilesystemWriter))]
    public void Mkfs_fills_the_filesystem_where_it_can_and_a_mount_does_the_rest(FilesystemKind kind, string? mode, bool formatCommand, Type writer)
    {
        var root = TestLayouts.MsdosRootOnly().Root;
        var partition = root with { Spec = root.Spec! with { Filesystem = kind, Mode = mode, FormatCommand = formatCommand ? ["mkfs.{fs}", "{device_path}"] : null } };

        FilesystemWriters.For(partition).ShouldBeOfType(writer);
    }
}
