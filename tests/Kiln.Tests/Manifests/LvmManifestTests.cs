using Kiln.Disks;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

/// <summary>A volume group inside the image: <c>volume.partitions.lvm</c>, its schema, structure and layout checks, with file:line:column.</summary>
public sealed class LvmManifestTests
{
    private const string RootOnLvm = """
            boot: {filesystem: ext2, size: 256MiB}
            lvm:
              volumegroup: vg0
              logicalvolumes:
                swap: {size: 128MiB}
                root: {filesystem: ext4, size: 2GiB}
                var: {filesystem: xfs, size: 512MiB, mountopts: [noatime]}
                var/tmp: {filesystem: ext4, size: 64MiB, mode: '1777', name: scratch}
        """;

    [Fact]
    public void A_volume_group_with_root_swap_and_mount_points_is_valid()
    {
        TestManifests.ErrorsOf(Manifest(RootOnLvm)).ShouldBeEmpty();
    }

    [Fact]
    public void The_volume_group_binds_its_name_volumes_and_swap_in_bootstrap_vz_order()
    {
        var volume = TestManifests.BindCore(Manifest(RootOnLvm)).Volume;

        volume.Partitions.Select(p => p.Key).ShouldBe(["boot"]);
        var group = volume.VolumeGroup.ShouldNotBeNull();
        group.Name.ShouldBe("vg0");
        group.Size.ShouldBeNull();
        group.Swap.ShouldBe(ByteSize.FromMiB(128));
        group.SwapName.ShouldBe("swap");
        group.LogicalVolumes.Select(v => $"{v.Key}:{v.LogicalVolume}:{v.Filesystem}:{v.Size}").ShouldBe(["root:root:Ext4:2GiB", "var:var:Xfs:512MiB", "var/tmp:scratch:Ext4:64MiB"]);
        group.LogicalVolumes[1].MountOptions.ShouldBe(["noatime"]);
        group.LogicalVolumes[2].Mode.ShouldBe("1777");
        group.LogicalVolumes[2].ManifestPath.ShouldBe("volume.partitions.lvm.logicalvolumes.var/tmp");
        volume.Root.LogicalVolume.ShouldBe("root");
        volume.TotalSize.ShouldBe(ByteSize.FromMiB(256 + 128 + 2048 + 512 + 64));
    }

    [Fact]
    public void A_volume_group_size_is_the_partitions_share_of_the_disk()
    {
        var volume = TestManifests.BindCore(Manifest(RootOnLvm.Replace("volumegroup: vg0", "volumegroup: vg0\n      size: 4GiB", StringComparison.Ordinal))).Volume;

        volume.VolumeGroup!.PartitionSize.ShouldBe(ByteSize.FromMiB(4096));
        volume.TotalSize.ShouldBe(ByteSize.FromMiB(256 + 4096));
    }

    [Fact]
    public void The_schema_asks_a_volume_group_for_its_name_and_volumes()
    {
        Errors("""
                lvm:
                  logicalvolumes: {}
            """).ShouldBe(
        [
            "m.yml:13:7: `volume.partitions.lvm` is missing the required key `volumegroup`",
            "m.yml:13:23: `volume.partitions.lvm.logicalvolumes` must have at least 1 key(s)",
        ]);
    }

    [Fact]
    public void The_schema_refuses_a_volume_group_name_lvm_would_refuse()
    {
        Errors("""
                lvm:
                  volumegroup: -vg
                  logicalvolumes:
                    root: {filesystem: ext4, size: 1GiB}
            """).ShouldBe(["m.yml:13:20: `-vg` is not valid for `volume.partitions.lvm.volumegroup`; expected an LVM name (letters, digits and + _ . -, not starting with -, at most 127 characters)"]);
    }

    [Fact]
    public void A_logical_volume_takes_the_keys_of_a_partition_and_a_name()
    {
        Errors("""
                lvm:
                  volumegroup: vg0
                  logicalvolumes:
                    root: {filesystem: ext4, size: 1GiB, colour: blue}
            """).ShouldBe(["m.yml:15:46: unknown key `colour` in `volume.partitions.lvm.logicalvolumes.root`\n    allowed: size, filesystem, name, format_command, mountopts, mode"]);
    }

    [Fact]
    public void Without_root_anywhere_the_partitions_are_reported()
    {
        Errors("""
                boot: {filesystem: ext2, size: 256MiB}
            """, withRoot: false).ShouldBe(["m.yml:11:5: `volume.partitions` has no `root`; give a partition `root`, or a logical volume `root` in `lvm.logicalvolumes`"]);
    }

    [Fact]
    public void A_mount_point_that_is_both_a_partition_and_a_logical_volume_is_reported_at_the_volume()
    {
        Errors("""
                swap: {size: 64MiB}
                root: {filesystem: ext4, size: 2GiB}
                lvm:
                  volumegroup: vg0
                  logicalvolumes:
                    root: {filesystem: ext4, size: 1GiB}
                    swap: {size: 64MiB}
            """).ShouldBe(
        [
            "m.yml:17:9: `root` is both a partition and a logical volume; keep one of them",
            "m.yml:18:9: `swap` is both a partition and a logical volume; keep one of them",
        ]);
    }

    [Fact]
    public void An_unpartitioned_disk_cannot_hold_a_volume_group()
    {
        var manifest = Manifest("""
                lvm:
                  volumegroup: vg0
                  logicalvolumes:
                    root: {filesystem: ext4, size: 1GiB}
            """, withRoot: false).Replace("type: gpt", "type: none", StringComparison.Ordinal).Replace("bootloader: grub", "bootloader: extlinux", StringComparison.Ordinal);

        TestManifests.ErrorsOf(manifest, "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:12:5: an unpartitioned disk holds only `root`; a volume group (`lvm`) needs volume.partitions.type msdos or gpt"]);
    }

    [Fact]
    public void Logical_volume_names_must_be_unique_and_not_lvms_own()
    {
        Errors("""
                lvm:
                  volumegroup: vg0
                  logicalvolumes:
                    root: {filesystem: ext4, size: 1GiB}
                    var_tmp: {filesystem: ext4, size: 64MiB}
                    var/tmp: {filesystem: ext4, size: 64MiB}
                    srv: {filesystem: ext4, size: 64MiB, name: snapshot1}
            """, withRoot: false).ShouldBe(
        [
            "m.yml:17:9: the logical volumes `var_tmp` and `var/tmp` are both named `var_tmp`; give one of them another `name`",
            "m.yml:18:52: LVM does not accept `snapshot1` as the name of a logical volume (names starting with snapshot or pvmove are LVM's); give `srv` another `name`",
        ]);
    }

    [Fact]
    public void Volumes_that_do_not_fit_in_the_volume_group_are_reported_at_its_size()
    {
        // The group's partition keeps 1 GiB less the backup GPT: 1 MiB for LVM, then 255 whole extents.
        Errors("""
                boot: {filesystem: ext2, size: 256MiB}
                lvm:
                  volumegroup: vg0
                  size: 1GiB
                  logicalvolumes:
                    root: {filesystem: ext4, size: 1GiB}
                    var: {filesystem: ext4, size: 64MiB}
            """, withRoot: false).ShouldBe(
        [
            "m.yml:15:13: the logical volumes of `vg0` take 1024 MiB in 4 MiB extents, but its partition holds 1020 MiB of extents after LVM's share; make `lvm.size` larger, or the volumes smaller",
            "m.yml:18:39: logical volume `var` leaves 0 MiB for its ext4 filesystem after the other volumes and LVM's share; it needs at least 4 MiB",
        ]);
    }

    [Fact]
    public void The_last_logical_volume_gives_lvms_share_and_a_small_xfs_is_reported()
    {
        Errors("""
                boot: {filesystem: ext2, size: 256MiB}
                lvm:
                  volumegroup: vg0
                  logicalvolumes:
                    root: {filesystem: ext4, size: 1GiB}
                    var: {filesystem: xfs, size: 300MiB}
            """, withRoot: false).ShouldBe(["m.yml:17:38: logical volume `var` leaves 296 MiB for its xfs filesystem after the other volumes and LVM's share; it needs at least 300 MiB"]);
    }

    [Fact]
    public void Grub_refuses_a_boot_on_lvm_and_says_what_to_do()
    {
        Errors("""
                lvm:
                  volumegroup: vg0
                  logicalvolumes:
                    root: {filesystem: ext4, size: 2GiB}
            """, withRoot: false).ShouldBe(
            ["m.yml:15:9: root is a logical volume, so /boot needs a partition of its own (GRUB's core image would need its lvm module to read a logical volume, and Kiln builds it without); add one to volume.partitions, e.g. `boot: {filesystem: ext2, size: 256MiB}`"]);
    }

    [Fact]
    public void A_boot_logical_volume_is_refused_for_extlinux()
    {
        var manifest = Manifest("""
                lvm:
                  volumegroup: vg0
                  logicalvolumes:
                    boot: {filesystem: ext2, size: 256MiB}
            """).Replace("bootloader: grub", "bootloader: extlinux", StringComparison.Ordinal);

        TestManifests.ErrorsOf(manifest, "m.yml").Select(e => e.ToString()).ShouldBe(
            ["m.yml:15:9: /boot is a logical volume here, but it must be a partition (extlinux reads partitions only); move `boot` from `lvm.logicalvolumes` to volume.partitions"]);
    }

    private static List<string> Errors(string partitions, bool withRoot = true) =>
        [.. TestManifests.ErrorsOf(Manifest(partitions, withRoot), "m.yml").Select(e => e.ToString())];

    /// <summary>A trixie grub manifest whose partitions start on line 12 (after `type: gpt` on line 11).</summary>
    private static string Manifest(string partitions, bool withRoot = true) => string.Join('\n',
    [
        "name: test",
        "provider:",
        "  name: kvm",
        "bootstrapper: {}",
        "system:",
        "  release: trixie",
        "  bootloader: grub",
        "volume:",
        "  backing: raw",
        "  partitions:",
        "    type: gpt",
        .. partitions.Split('\n').Where(line => line.Length > 0),
        .. withRoot && !partitions.Contains("root:", StringComparison.Ordinal) ? new[] { "    root: {filesystem: ext4, size: 2GiB}" } : [],
    ]);
}
