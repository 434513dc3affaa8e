using Kiln.Plugins.ExpandRoot;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.ExpandRoot;

public sealed class ExpandRootPluginTests
{
    private const string GptWithVarAfterRoot = """
        name: test
        provider:
          name: kvm
        bootstrapper: {}
        system:
          release: bookworm
        volume:
          backing: raw
          partitions:
            type: gpt
            root:
              filesystem: xfs
              size: 2GiB
            var:
              filesystem: ext4
              size: 1GiB
        plugins:
          expand_root:
        """;

    [Theory]
    [InlineData("")]
    [InlineData(" {}")]
    [InlineData(" {filesystem_type: ext4, root_device: /dev/vda, root_partition: 1}")]
    public void No_options_or_bootstrap_vz_options_that_match_the_layout_are_valid(string settings)
    {
        TestManifests.ErrorsOf(WithPlugin(settings)).ShouldBeEmpty();
    }

    [Fact]
    public void A_filesystem_type_other_than_the_roots_is_reported_with_the_right_one()
    {
        TestManifests.ErrorsOf(WithPlugin(" {filesystem_type: xfs}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:34: the root filesystem is ext4 (volume.partitions.root.filesystem), not xfs; set filesystem_type: ext4 or leave it out"]);
    }

    [Fact]
    public void A_root_partition_that_is_not_the_roots_number_is_reported()
    {
        TestManifests.ErrorsOf(WithPlugin(" {root_partition: 2}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:33: the root filesystem is partition 1 of this layout, not 2; expand_root grows the root partition only, so set root_partition: 1 or leave it out"]);
    }

    [Fact]
    public void A_root_partition_on_an_unpartitioned_disk_is_reported()
    {
        // An unpartitioned disk boots with extlinux.
        var manifest = WithPlugin(" {root_partition: 1}").Replace("type: msdos", "type: none", StringComparison.Ordinal)
            .Replace("release: bookworm", "release: bookworm\n  bootloader: extlinux", StringComparison.Ordinal);

        TestManifests.ErrorsOf(manifest, "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:16:33: the disk has no partition table (volume.partitions.type: none), so the root filesystem fills the whole disk and there is no partition to grow; leave out root_partition"]);
    }

    [Fact]
    public void A_root_partition_followed_by_others_cannot_grow()
    {
        TestManifests.ErrorsOf(GptWithVarAfterRoot, "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:18:15: the root partition can only grow into the end of the disk, but var come after it (partitions are placed boot, swap, root, then the others); give those filesystems a place below root or leave out expand_root"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" {root_partition: 3, filesystem_type: ext4}")]
    public void A_root_on_lvm_grows_through_the_volume_groups_partition_when_it_is_last(string settings)
    {
        TestManifests.ErrorsOf(RootOnLvm + $"\n  expand_root:{settings}\n").ShouldBeEmpty();
    }

    [Fact]
    public void With_root_on_lvm_the_partition_to_grow_is_the_physical_volumes()
    {
        TestManifests.ErrorsOf(RootOnLvm + "\n  expand_root: {root_partition: 2}\n", "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:21:33: the root filesystem is on the volume group vg0, whose physical volume is partition 3 of this layout, not 2; expand_root grows that partition only, so set root_partition: 3 or leave it out"]);
    }

    [Fact]
    public void A_partition_after_the_volume_group_keeps_a_root_on_lvm_from_growing()
    {
        var manifest = RootOnLvm.Replace("    lvm:", "    srv: {filesystem: ext4, size: 1GiB}\n    lvm:", StringComparison.Ordinal) + "\n  expand_root:\n";

        TestManifests.ErrorsOf(manifest, "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:22:15: the root is on LVM, and the volume group's partition can only grow into the end of the disk, but srv come after it (partitions are placed boot, swap, the volume group when it holds root, then the others); give those filesystems a place below it, or make them logical volumes, or leave out expand_root"]);
    }

    [Fact]
    public void A_root_device_outside_dev_is_rejected_by_the_schema()
    {
        TestManifests.ErrorsOf(WithPlugin(" {root_device: vda}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:30: `vda` is not valid for `plugins.expand_root.root_device`; expected the disk that holds the root partition, e.g. /dev/vda (leave it out to find it at boot)"]);
    }

    [Fact]
    public void The_plugin_adds_growpart_and_the_boot_unit()
    {
        var tasks = new TaskSet();

        new ExpandRootPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin(string.Empty)));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddGrowpartPackage", "InstallExpandRootService"]);
    }

    /// <summary>trixie-lvm's layout: boot on a partition, then vg0 with swap, root and var (the plugin's key follows on line 21).</summary>
    private const string RootOnLvm = """
        name: test
        provider:
          name: kvm
        bootstrapper: {}
        system:
          release: trixie
        volume:
          backing: raw
          partitions:
            type: gpt
            boot: {filesystem: ext2, size: 256MiB}
            lvm:
              volumegroup: vg0
              logicalvolumes:
                swap: {size: 128MiB}
                root: {filesystem: ext4, size: 2GiB}
                var: {filesystem: xfs, size: 512MiB}
        plugins:
          root_password:
            password: kiln-test
        """;

    public static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  expand_root:{settings}\n";
}
