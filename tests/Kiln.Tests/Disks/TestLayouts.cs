using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Tests.Fakes;

namespace Kiln.Tests.Disks;

/// <summary>Disk layouts for tests, computed by the real calculator with predictable UUIDs.</summary>
public static class TestLayouts
{
    /// <summary>msdos: boot (ext2), swap, root (ext4), then var (xfs) and tmp as logical partitions.</summary>
    public static DiskLayout MsdosWithLogicalPartitions() => Calculate(
        PartitionMapKind.Msdos,
        Bootloader.Grub,
        "128MiB",
        Partition("boot", "256MiB", FilesystemKind.Ext2),
        Partition("root", "2GiB"),
        Partition("var", "1GiB", FilesystemKind.Xfs),
        Partition("tmp", "512MiB", mountOptions: ["nodev", "nosuid", "noexec"]));

    /// <summary>gpt for GRUB: the BIOS boot partition, boot (ext2), root (ext4), var/tmp (btrfs).</summary>
    public static DiskLayout GptForGrub() => Calculate(
        PartitionMapKind.Gpt,
        Bootloader.Grub,
        null,
        Partition("boot", "256MiB", FilesystemKind.Ext2),
        Partition("root", "2GiB"),
        Partition("var/tmp", "512MiB", FilesystemKind.Btrfs));

    /// <summary>msdos with a single ext4 root.</summary>
    public static DiskLayout MsdosRootOnly() => Calculate(PartitionMapKind.Msdos, Bootloader.Grub, null, Partition("root", "4GiB"));

    /// <summary>
    /// gpt for GRUB with root on LVM (manifests/examples/kvm/trixie-lvm.yml): the BIOS boot partition, boot (ext2),
    /// then the volume group vg0's partition with swap, root (ext4) and var (xfs, noatime).
    /// </summary>
    public static DiskLayout GptWithRootOnLvm(string? groupSize = null, Bootloader bootloader = Bootloader.Grub, params PartitionSpec[] partitions)
    {
        var volume = new VolumeSection
        {
            PartitionMap = PartitionMapKind.Gpt,
            Partitions = partitions.Length > 0 ? partitions : [Partition("boot", "256MiB", FilesystemKind.Ext2)],
            VolumeGroup = new VolumeGroupSpec
            {
                Name = "vg0",
                Size = groupSize is null ? null : ByteSize.Parse(groupSize),
                LogicalVolumes = [Volume("root", "2GiB"), Volume("var", "512MiB", FilesystemKind.Xfs, ["noatime"])],
                Swap = ByteSize.Parse("128MiB"),
            },
        };
        return DiskLayoutCalculator.Calculate(volume, bootloader == Bootloader.Grub ? LayoutNeeds.BiosGrub : LayoutNeeds.Nothing, DiskIdentifiers.Sequence(new SequentialGuids().Next));
    }

    public static DiskLayout Calculate(PartitionMapKind map, Bootloader bootloader, string? swap, params PartitionSpec[] partitions)
    {
        var volume = new VolumeSection { PartitionMap = map, Partitions = partitions, Swap = swap is null ? null : ByteSize.Parse(swap) };
        return DiskLayoutCalculator.Calculate(volume, bootloader == Bootloader.Grub ? LayoutNeeds.BiosGrub : LayoutNeeds.Nothing, DiskIdentifiers.Sequence(new SequentialGuids().Next));
    }

    public static PartitionSpec Partition(string key, string size, FilesystemKind filesystem = FilesystemKind.Ext4, IReadOnlyList<string>? mountOptions = null) =>
        new() { Key = key, Size = ByteSize.Parse(size), Filesystem = filesystem, MountOptions = mountOptions ?? [] };

    /// <summary>A logical volume's filesystem, named after its key unless <paramref name="name"/> says otherwise.</summary>
    public static PartitionSpec Volume(string key, string size, FilesystemKind filesystem = FilesystemKind.Ext4, IReadOnlyList<string>? mountOptions = null, string? name = null) =>
        Partition(key, size, filesystem, mountOptions) with { LogicalVolume = name ?? VolumeGroupSpec.NameFor(key) };
}
