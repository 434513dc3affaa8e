using Kiln.Disks;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class DiskLayoutCalculatorTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void An_msdos_disk_with_only_root_gives_root_everything_after_the_first_mebibyte()
    {
        var layout = Calculate(PartitionMapKind.Msdos, Bootloader.Grub, null, Partition("root", "4GiB"));

        layout.TotalSize.ShouldBe(ByteSize.Parse("4GiB"));
        var root = layout.Partitions.ShouldHaveSingleItem();
        Describe(root).ShouldBe("1 root Filesystem start=2048 size=8386560 bootable");
        root.Uuid.ShouldBe("00000000-0000-4000-8000-000000000001");
    }

    [Fact]
    public void An_msdos_disk_with_boot_swap_and_root_places_them_in_bootstrap_vz_order()
    {
        var layout = Calculate(PartitionMapKind.Msdos, Bootloader.Grub, "128MiB", Partition("root", "2GiB"), Partition("boot", "256MiB", FilesystemKind.Ext2));

        layout.TotalSize.ShouldBe(ByteSize.FromMiB(256 + 128 + 2048));
        layout.Partitions.Select(Describe).ShouldBe(
        [
            "1 boot Filesystem start=2048 size=522240 bootable",
            "2 swap Swap start=524288 size=262144",
            "3 root Filesystem start=786432 size=4194304",
        ]);
    }

    [Fact]
    public void A_gpt_disk_for_grub_starts_with_a_bios_boot_partition()
    {
        var layout = Calculate(PartitionMapKind.Gpt, Bootloader.Grub, null, Partition("root", "2GiB"));

        layout.Partitions.Select(Describe).ShouldBe(
        [
            "1 bios-boot BiosBoot start=2048 size=2048",
            "2 root Filesystem start=4096 size=4190175 bootable",
        ]);
        layout.BiosBoot.ShouldNotBeNull().Uuid.ShouldBeNull();
    }

    [Fact]
    public void A_gpt_disk_for_extlinux_has_no_bios_boot_partition_and_marks_boot_bootable()
    {
        var layout = Calculate(PartitionMapKind.Gpt, Bootloader.Extlinux, null, Partition("root", "2GiB"), Partition("boot", "256MiB", FilesystemKind.Ext2));

        layout.BiosBoot.ShouldBeNull();
        layout.Partitions.Select(Describe).ShouldBe(
        [
            "1 boot Filesystem start=2048 size=522240 bootable",
            "2 root Filesystem start=524288 size=4194271",
        ]);
    }

    [Fact]
    public void A_gpt_disk_for_extlinux_without_boot_marks_root_bootable()
    {
        var layout = Calculate(PartitionMapKind.Gpt, Bootloader.Extlinux, null, Partition("root", "2GiB"));

        Describe(layout.Partitions.ShouldHaveSingleItem()).ShouldBe("1 root Filesystem start=2048 size=4192223 bootable");
    }

    [Fact]
    public void The_last_gpt_partition_ends_before_the_33_sectors_of_the_backup_header()
    {
        var layout = Calculate(PartitionMapKind.Gpt, Bootloader.Grub, "512MiB", Partition("root", "3GiB"), Partition("var", "1GiB"));
        var totalSectors = layout.TotalSize.Sectors;

        layout.Partitions.Max(p => p.End.Sectors).ShouldBe(totalSectors - 33);
        layout.Partitions[^1].Label.ShouldBe("var");
    }

    [Fact]
    public void More_than_four_msdos_partitions_go_into_extended_partition_4_as_logical_partitions_5_and_up()
    {
        var layout = Calculate(
            PartitionMapKind.Msdos,
            Bootloader.Grub,
            "128MiB",
            Partition("root", "2GiB"),
            Partition("boot", "256MiB", FilesystemKind.Ext2),
            Partition("var", "1GiB"),
            Partition("tmp", "512MiB"));

        layout.Partitions.Select(Describe).ShouldBe(
        [
            "1 boot Filesystem start=2048 size=522240 bootable",
            "2 swap Swap start=524288 size=262144",
            "3 root Filesystem start=786432 size=4194304",
            "4 extended Extended start=4980736 size=3145728",
            "5 var Filesystem start=4982784 size=2095104",
            "6 tmp Filesystem start=7079936 size=1046528",
        ]);

        // Every logical partition lies inside the extended one, behind the MiB that holds its boot record.
        var extended = layout.Partitions.Single(p => p.Role == PartitionRole.Extended);
        foreach (var logical in layout.Partitions.Where(p => p.Number > 4))
        {
            logical.Start.ShouldBeGreaterThanOrEqualTo(extended.Start + ByteSize.FromMiB(1));
            logical.End.ShouldBeLessThanOrEqualTo(extended.End);
        }
    }

    [Fact]
    public void Four_msdos_partitions_are_all_primary()
    {
        var layout = Calculate(PartitionMapKind.Msdos, Bootloader.Grub, "128MiB", Partition("root", "2GiB"), Partition("boot", "256MiB"), Partition("var", "1GiB"));

        layout.Partitions.Select(p => p.Number).ShouldBe([1, 2, 3, 4]);
        layout.Partitions.ShouldAllBe(p => p.Role != PartitionRole.Extended);
    }

    [Fact]
    public void An_unpartitioned_disk_is_one_filesystem_over_the_whole_disk()
    {
        var layout = Calculate(PartitionMapKind.None, Bootloader.Extlinux, null, Partition("root", "1GiB"));

        layout.Map.ShouldBe(PartitionMapKind.None);
        var whole = layout.Partitions.ShouldHaveSingleItem();
        whole.Number.ShouldBe(0);
        whole.Start.ShouldBe(ByteSize.Zero);
        whole.Size.ShouldBe(ByteSize.Parse("1GiB"));
        whole.Spec!.Key.ShouldBe("root");
        whole.Uuid.ShouldBe("00000000-0000-4000-8000-000000000001");
    }

    [Theory]
    [InlineData(PartitionMapKind.Msdos, Bootloader.Grub)]
    [InlineData(PartitionMapKind.Gpt, Bootloader.Grub)]
    [InlineData(PartitionMapKind.Gpt, Bootloader.Extlinux)]
    public void The_disk_is_as_large_as_the_partition_sizes_add_up_to_and_every_partition_starts_on_a_mebibyte(PartitionMapKind map, Bootloader bootloader)
    {
        var layout = Calculate(
            map,
            bootloader,
            "100MiB",
            Partition("root", "3000MiB"),
            Partition("boot", "300MiB", FilesystemKind.Ext2),
            Partition("var", "700MiB"),
            Partition("var/tmp", "333MiB"),
            Partition("home", "1GiB"));

        layout.TotalSize.Bytes.ShouldBe((100 + 3000 + 300 + 700 + 333 + 1024) * MiB);
        layout.Partitions.ShouldAllBe(p => p.Start.Bytes % MiB == 0);
        layout.Partitions.Max(p => p.End.Bytes).ShouldBeLessThanOrEqualTo(layout.TotalSize.Bytes);
        var inOrder = layout.Partitions.Where(p => p.Role != PartitionRole.Extended).OrderBy(p => p.Start.Bytes).ToList();
        for (var index = 1; index < inOrder.Count; index++)
        {
            inOrder[index].Start.ShouldBeGreaterThanOrEqualTo(inOrder[index - 1].End, $"{inOrder[index].Label} overlaps {inOrder[index - 1].Label}");
        }
    }

    [Fact]
    public void A_swap_partition_first_on_the_disk_gives_the_first_mebibyte_to_the_table()
    {
        var layout = Calculate(PartitionMapKind.Msdos, Bootloader.Grub, "1MiB", Partition("root", "2GiB"));

        // Nothing is left of a 1MiB swap; CoreSemantics reports that.
        layout.Swap.ShouldNotBeNull().Size.ShouldBe(ByteSize.Zero);
    }

    [Fact]
    public void Only_the_boot_partition_is_bootable_when_there_is_one()
    {
        var layout = Calculate(PartitionMapKind.Msdos, Bootloader.Grub, null, Partition("root", "2GiB"), Partition("boot", "256MiB"), Partition("var", "1GiB"));

        layout.Partitions.Where(p => p.Bootable).Select(p => p.Label).ShouldBe(["boot"]);
    }

    [Fact]
    public void Filesystems_list_parents_before_the_filesystems_mounted_inside_them()
    {
        var layout = Calculate(PartitionMapKind.Gpt, Bootloader.Grub, null, Partition("var/tmp", "1GiB"), Partition("root", "2GiB"), Partition("var", "1GiB"), Partition("boot", "256MiB"));

        layout.Filesystems.Select(p => p.Spec!.MountPoint).ShouldBe(["/", "/boot", "/var", "/var/tmp"]);
        layout.Boot.Label.ShouldBe("boot");
        layout.ForMountPoint("/var/tmp").Label.ShouldBe("var/tmp");
    }

    private static DiskLayout Calculate(PartitionMapKind map, Bootloader bootloader, string? swap, params PartitionSpec[] partitions) =>
        // The binder orders partitions boot, root, then the rest; the calculator relies on that order.
        TestLayouts.Calculate(map, bootloader, swap, [.. partitions.OrderBy(p => p.Key switch { "boot" => 0, "root" => 1, _ => 2 })]);

    private static PartitionSpec Partition(string key, string size, FilesystemKind filesystem = FilesystemKind.Ext4) => TestLayouts.Partition(key, size, filesystem);

    private static string Describe(DiskPartition partition) =>
        $"{partition.Number} {partition.Label} {partition.Role} start={partition.Start.Sectors} size={partition.Size.Sectors}{(partition.Bootable ? " bootable" : string.Empty)}";
}
