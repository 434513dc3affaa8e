using Kiln.Disks;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class FstabFileTests
{
    [Fact]
    public void Every_filesystem_and_the_swap_are_mounted_by_uuid_parents_first()
    {
        Golden.Verify(FstabFile.Render(TestLayouts.MsdosWithLogicalPartitions()));
    }

    [Fact]
    public void Btrfs_and_xfs_are_never_checked_at_boot()
    {
        var fstab = FstabFile.Render(TestLayouts.GptForGrub());

        fstab.Split('\n').ShouldContain("UUID=00000000-0000-4000-8000-000000000003\t/var/tmp\tbtrfs\tdefaults\t0\t0");
    }

    [Fact]
    public void A_root_on_xfs_gets_default_options_and_no_check()
    {
        var layout = TestLayouts.Calculate(PartitionMapKind.Msdos, Bootloader.Grub, null, TestLayouts.Partition("root", "1GiB", FilesystemKind.Xfs));

        FstabFile.Render(layout).ShouldBe(
            "# /etc/fstab: written by Kiln. <file system> <mount point> <type> <options> <dump> <pass>\n" +
            "UUID=00000000-0000-4000-8000-000000000001\t/\txfs\tdefaults\t0\t0\n");
    }

    [Fact]
    public void The_bootstrap_sees_the_filesystems_and_their_types_but_no_uuid_and_no_swap()
    {
        var fstab = FstabFile.RenderForBootstrap(TestLayouts.MsdosWithLogicalPartitions());

        fstab.ShouldNotContain("00000000-0000-4000-8000");
        fstab.ShouldContain($"UUID={FstabFile.PlaceholderUuid}\t/\text4\terrors=remount-ro\t0\t1");
        fstab.ShouldNotContain("swap");
    }

    [Fact]
    public void Filesystems_and_swap_on_logical_volumes_are_mounted_by_uuid_like_partitions()
    {
        Golden.Verify(FstabFile.Render(TestLayouts.GptWithRootOnLvm()));
    }
}
