using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

/// <summary>Layouts with an EFI system partition: Debian's cloud layout for hybrid disks, the ESP first for UEFI.</summary>
public sealed class FirmwareLayoutTests
{
    private static readonly LayoutNeeds Hybrid = new(BiosBootPartition: true, EfiSystemPartition: true, Architectures.Amd64.RootPartitionType);
    private static readonly LayoutNeeds Uefi = new(BiosBootPartition: false, EfiSystemPartition: true, Architectures.Arm64.RootPartitionType);

    [Fact]
    public void A_hybrid_gpt_disk_is_laid_out_as_debians_cloud_images_with_root_as_partition_one()
    {
        var layout = Calculate(PartitionMapKind.Gpt, Hybrid, null, Root("2GiB"));

        layout.TotalSize.ShouldBe(ByteSize.FromMiB(2048 + 128));
        layout.Partitions.Select(Describe).ShouldBe(
        [
            "14 bios-boot BiosBoot start=2048 size=6144",
            "15 esp Esp start=8192 size=253952",
            "1 root Filesystem start=262144 size=4194271 bootable",
        ]);
        layout.Esp!.Spec!.MountPoint.ShouldBe("/boot/efi");
        layout.Esp.Uuid!.ShouldMatch("^[0-9A-F]{4}-[0-9A-F]{4}$");
        layout.Root.TypeGuid.ShouldBe("4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709");
    }

    [Fact]
    public void A_uefi_disk_has_no_bios_boot_partition_and_its_esp_takes_the_first_mebibytes()
    {
        var layout = Calculate(PartitionMapKind.Gpt, Uefi, null, Root("1GiB"));

        layout.Partitions.Select(Describe).ShouldBe(
        [
            "15 esp Esp start=2048 size=260096",
            "1 root Filesystem start=262144 size=2097119 bootable",
        ]);
        layout.Root.TypeGuid.ShouldBe("B921B045-1DF0-41C3-AF44-4C6F280D3FAE");
    }

    [Fact]
    public void An_esp_the_manifest_sizes_is_counted_in_the_disk_like_every_other_partition()
    {
        var volume = Volume(PartitionMapKind.Gpt, Root("1GiB")) with { Esp = ByteSize.FromMiB(512) };

        var layout = DiskLayoutCalculator.Calculate(volume, Uefi, DiskIdentifiers.Sequence(new SequentialGuids().Next));

        layout.TotalSize.ShouldBe(ByteSize.FromMiB(1024 + 512));
        layout.Esp!.Size.ShouldBe(ByteSize.FromMiB(511));
    }

    [Fact]
    public void On_msdos_the_esp_is_the_first_primary_partition_of_type_ef()
    {
        var layout = Calculate(PartitionMapKind.Msdos, Hybrid, "128MiB", Root("2GiB"));

        layout.Partitions.Select(Describe).ShouldBe(
        [
            "1 esp Esp start=2048 size=260096",
            "2 swap Swap start=262144 size=262144",
            "3 root Filesystem start=524288 size=4194304 bootable",
        ]);
        SfdiskScript.Render(layout).Split('\n').ShouldContain("part1 : start=2048, size=260096, type=ef");
    }

    [Fact]
    public void The_sfdisk_script_numbers_the_firmware_partitions_14_and_15()
    {
        Golden.Verify(SfdiskScript.Render(Calculate(PartitionMapKind.Gpt, Hybrid, null, Root("2GiB"))));
    }

    [Fact]
    public void Fstab_mounts_the_esp_at_boot_efi_for_root_only()
    {
        var fstab = FstabFile.Render(Calculate(PartitionMapKind.Gpt, Hybrid, null, Root("2GiB")));

        fstab.Split('\n').ShouldContain(line => line.StartsWith("UUID=", StringComparison.Ordinal) && line.Contains("\t/boot/efi\tvfat\tumask=0077,x-systemd.device-timeout=5min\t0\t2", StringComparison.Ordinal));
    }

    private static PartitionSpec Root(string size) => TestLayouts.Partition("root", size);

    private static VolumeSection Volume(PartitionMapKind map, params PartitionSpec[] partitions) => new() { PartitionMap = map, Partitions = partitions };

    private static DiskLayout Calculate(PartitionMapKind map, LayoutNeeds needs, string? swap, params PartitionSpec[] partitions) =>
        DiskLayoutCalculator.Calculate(Volume(map, partitions) with { Swap = swap is null ? null : ByteSize.Parse(swap) }, needs, DiskIdentifiers.Sequence(new SequentialGuids().Next));

    private static string Describe(DiskPartition partition) =>
        $"{partition.Number} {partition.Label} {partition.Role} start={partition.Start.Sectors} size={partition.Size.Sectors}{(partition.Bootable ? " bootable" : string.Empty)}";
}
