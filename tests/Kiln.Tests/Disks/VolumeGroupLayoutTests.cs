using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Platforms;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class VolumeGroupLayoutTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void The_volume_group_partition_takes_roots_place_after_boot_and_fills_the_disk_to_the_backup_gpt()
    {
        var layout = TestLayouts.GptWithRootOnLvm();

        layout.TotalSize.ShouldBe(ByteSize.FromMiB(256 + 128 + 2048 + 512));
        layout.Partitions.Select(Describe).ShouldBe(
        [
            "1 bios-boot BiosBoot start=2048 size=2048",
            "2 boot Filesystem start=4096 size=520192 bootable",
            "3 lvm PhysicalVolume start=524288 size=5504991",
        ]);
    }

    [Fact]
    public void Logical_volumes_lie_one_after_another_from_the_first_mebibyte_of_the_physical_volume_in_four_mebibyte_extents()
    {
        var group = TestLayouts.GptWithRootOnLvm().VolumeGroup.ShouldNotBeNull();

        group.Name.ShouldBe("vg0");
        group.DataStart.ShouldBe(ByteSize.FromMiB(1));
        group.ExtentSize.ShouldBe(ByteSize.FromMiB(4));
        group.ExtentCount.ShouldBe(671);
        group.LogicalVolumes.Select(DescribeVolume).ShouldBe(
        [
            "swap Swap extents=0+32 offset=257MiB size=128MiB",
            "root Filesystem extents=32+512 offset=385MiB size=2048MiB",
            "var Filesystem extents=544+127 offset=2433MiB size=508MiB",
        ]);
        group.FreeExtents.ShouldBe(0);
    }

    [Fact]
    public void Lvms_share_and_the_backup_gpt_come_out_of_the_last_volume()
    {
        var var = TestLayouts.GptWithRootOnLvm().ForMountPoint("/var");

        // 512 MiB asked; the physical volume's first MiB and the backup GPT's 33 sectors leave whole extents for 508 MiB.
        var.Size.ShouldBe(ByteSize.FromMiB(508));
        var.LogicalVolume.ShouldNotBeNull().Name.ShouldBe("var");
    }

    [Fact]
    public void A_volume_group_larger_than_its_volumes_keeps_the_rest_free()
    {
        var group = TestLayouts.GptWithRootOnLvm(groupSize: "4GiB").VolumeGroup.ShouldNotBeNull();

        group.LogicalVolumes.Single(v => v.Spec?.Key == "var").Size.ShouldBe(ByteSize.FromMiB(512));
        group.FreeExtents.ShouldBe(((4096L - 1) / 4) - (32 + 512 + 128));
    }

    [Fact]
    public void Sizes_round_up_to_whole_extents_as_lvcreate_rounds_them()
    {
        var volume = new VolumeSection
        {
            PartitionMap = PartitionMapKind.Msdos,
            Partitions = [],
            VolumeGroup = new VolumeGroupSpec { Name = "data", Size = ByteSize.FromMiB(64), LogicalVolumes = [TestLayouts.Volume("root", "10MiB"), TestLayouts.Volume("srv", "6MiB")] },
        };

        var group = DiskLayoutCalculator.Calculate(volume, LayoutNeeds.Nothing, DiskIdentifiers.Sequence(new Fakes.SequentialGuids().Next)).VolumeGroup.ShouldNotBeNull();

        group.LogicalVolumes.Select(v => v.LogicalVolume!.Extents).ShouldBe([3, 2]);
    }

    [Fact]
    public void Root_boot_swap_and_the_filesystems_are_found_among_partitions_and_volumes()
    {
        var layout = TestLayouts.GptWithRootOnLvm();

        layout.Root.LogicalVolume.ShouldNotBeNull().Name.ShouldBe("root");
        layout.Root.Number.ShouldBe(3, "a volume carries its physical volume's partition number");
        layout.Boot.Spec!.Key.ShouldBe("boot");
        layout.Swap.ShouldNotBeNull().LogicalVolume!.Name.ShouldBe("swap");
        layout.Filesystems.Select(f => f.Spec!.MountPoint).ShouldBe(["/", "/boot", "/var"]);
        layout.Volumes.Select(v => v.ScratchName).ShouldBe(["partition-1", "partition-2", "partition-3", "lv-swap", "lv-root", "lv-var"]);
    }

    [Fact]
    public void Every_filesystem_and_the_physical_volume_get_their_uuids_at_resolve_time()
    {
        var layout = TestLayouts.GptWithRootOnLvm();

        layout.Boot.Uuid.ShouldBe("00000000-0000-4000-8000-000000000001");
        layout.VolumeGroup!.PhysicalVolume.Uuid.ShouldBe("000000-0000-0040-0080-0000-0000-000002");
        layout.VolumeGroup.LogicalVolumes.Select(v => v.Uuid).ShouldBe(
            ["00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-000000000004", "00000000-0000-4000-8000-000000000005"]);
    }

    [Fact]
    public void A_volume_group_that_does_not_hold_root_comes_after_the_other_partitions()
    {
        var volume = new VolumeSection
        {
            PartitionMap = PartitionMapKind.Msdos,
            Partitions = [TestLayouts.Partition("root", "2GiB"), TestLayouts.Partition("home", "1GiB")],
            VolumeGroup = new VolumeGroupSpec { Name = "data", LogicalVolumes = [TestLayouts.Volume("srv/data", "1GiB")] },
        };

        var layout = DiskLayoutCalculator.Calculate(volume, LayoutNeeds.BiosGrub, DiskIdentifiers.Sequence(new Fakes.SequentialGuids().Next));

        layout.Partitions.Select(p => p.Label).ShouldBe(["root", "home", "lvm"]);
        layout.Partitions.Single(p => p.Label == "root").Bootable.ShouldBeTrue();
        layout.Partitions.Single(p => p.Label == "lvm").Bootable.ShouldBeFalse();
        layout.VolumeGroup!.LogicalVolumes.Single().LogicalVolume!.Name.ShouldBe("srv_data");
    }

    [Fact]
    public void Without_a_boot_partition_the_volume_group_partition_holding_root_is_the_bootable_one()
    {
        var layout = TestLayouts.GptWithRootOnLvm(bootloader: Bootloader.SystemdBoot, partitions: [TestLayouts.Partition("srv", "1GiB")]);

        layout.Partitions.Single(p => p.Role == PartitionRole.PhysicalVolume).Bootable.ShouldBeTrue();
        layout.Partitions.Select(p => p.Label).ShouldBe(["lvm", "srv"]);
    }

    [Fact]
    public void The_physical_volume_has_lvms_partition_type_on_gpt_and_msdos()
    {
        Golden.Verify(SfdiskScript.Render(TestLayouts.GptWithRootOnLvm()));
        var msdos = DiskLayoutCalculator.Calculate(
            new VolumeSection { PartitionMap = PartitionMapKind.Msdos, Partitions = [], VolumeGroup = new VolumeGroupSpec { Name = "vg0", LogicalVolumes = [TestLayouts.Volume("root", "1GiB")] } },
            LayoutNeeds.BiosGrub,
            DiskIdentifiers.Sequence(new Fakes.SequentialGuids().Next));

        SfdiskScript.Render(msdos).ShouldEndWith("part1 : start=2048, size=2095104, type=8e, bootable\n");
    }

    private static string Describe(DiskPartition partition) =>
        $"{partition.Number} {partition.Label} {partition.Role} start={partition.Start.Sectors} size={partition.Size.Sectors}{(partition.Bootable ? " bootable" : string.Empty)}";

    private static string DescribeVolume(DiskPartition volume) =>
        $"{volume.LogicalVolume!.Name} {volume.Role} extents={volume.LogicalVolume.FirstExtent}+{volume.LogicalVolume.Extents} offset={volume.Start.Bytes / MiB}MiB size={volume.Size.Bytes / MiB}MiB";
}
