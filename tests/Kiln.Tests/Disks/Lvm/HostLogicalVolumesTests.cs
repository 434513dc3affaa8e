using Kiln.Disks;
using Kiln.Disks.Lvm;
using Kiln.Host;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks.Lvm;

public sealed class HostLogicalVolumesTests
{
    private const string GroupJson = """{"report": [{"vg": [{"vg_name":"vgtest", "vg_extent_size":"4194304", "vg_free_count":"512"}]}]}""";

    private const string VolumesJson = """{"report": [{"lv": [{"lv_name":"web1"}, {"lv_name":"db1"}]}]}""";

    private static readonly ByteSize Disk = ByteSize.FromMiB(1024);

    [Fact]
    public async Task A_volume_group_with_room_and_no_volume_of_that_name_is_fine()
    {
        var runner = new FakeCommandRunner().Returns("vgs", 0, GroupJson).Returns("lvs", 0, VolumesJson);

        var refusal = await new HostLogicalVolumes(runner).RefusalAsync("vgtest", "lvtest", "lvtest.kiln-1", Disk, CancellationToken.None);

        refusal.ShouldBeNull();
        runner.Argvs.ShouldBe(
        [
            ["vgs", "--reportformat", "json", "--units", "b", "--nosuffix", "-o", "vg_name,vg_extent_size,vg_free_count", "vgtest"],
            ["lvs", "--reportformat", "json", "-o", "lv_name", "vgtest"],
        ]);
    }

    [Fact]
    public async Task A_missing_volume_group_is_refused()
    {
        var runner = new FakeCommandRunner().Returns("vgs", 5, string.Empty, "  Volume group \"vgtest\" not found");

        var refusal = await new HostLogicalVolumes(runner).RefusalAsync("vgtest", "lvtest", "lvtest.kiln-1", Disk, CancellationToken.None);

        refusal.ShouldBe("the volume group vgtest does not exist on this host (vgs does not know it); create it, or name one that exists in volume.volumegroup");
    }

    [Fact]
    public async Task An_existing_volume_is_never_overwritten()
    {
        var runner = new FakeCommandRunner().Returns("vgs", 0, GroupJson).Returns("lvs", 0, VolumesJson);

        var refusal = await new HostLogicalVolumes(runner).RefusalAsync("vgtest", "db1", "db1.kiln-1", Disk, CancellationToken.None);

        refusal.ShouldBe("the logical volume vgtest/db1 exists already; Kiln does not overwrite it: remove it (lvremove vgtest/db1) or choose another volume.logicalvolume");
    }

    [Fact]
    public async Task Too_little_room_in_the_group_is_refused_with_both_sizes()
    {
        var runner = new FakeCommandRunner().Returns("vgs", 0, GroupJson).Returns("lvs", 0, VolumesJson);

        var refusal = await new HostLogicalVolumes(runner).RefusalAsync("vgtest", "lvtest", "lvtest.kiln-1", ByteSize.FromMiB(2049), CancellationToken.None);

        refusal.ShouldBe("the volume group vgtest has 2048 MiB free, but the disk needs 2052 MiB; free some space in it, or make the partitions smaller");
    }

    [Fact]
    public async Task The_volume_is_created_in_bytes_removed_by_force_and_renamed_into_place()
    {
        var runner = new FakeCommandRunner();
        var volumes = new HostLogicalVolumes(runner);

        await volumes.CreateAsync("vgtest", "lvtest.kiln-1", Disk, CancellationToken.None);
        await volumes.RemoveAsync("vgtest", "lvtest.kiln-1", CancellationToken.None);
        await volumes.RenameAsync("vgtest", "lvtest.kiln-1", "lvtest", CancellationToken.None);

        runner.Argvs.ShouldBe(
        [
            ["lvcreate", "--yes", "--wipesignatures", "y", "--size", "1073741824b", "--name", "lvtest.kiln-1", "vgtest"],
            ["lvremove", "--yes", "--force", "vgtest/lvtest.kiln-1"],
            ["lvrename", "vgtest", "lvtest.kiln-1", "lvtest"],
        ]);
        runner.Commands.ShouldAllBe(c => c.Environment["LVM_SUPPRESS_FD_WARNINGS"] == "1");
    }

    [Fact]
    public void A_block_device_is_zeroed_with_blkdiscard()
    {
        HostLogicalVolumeCommands.Zero("/dev/vgtest/lvtest").Argv.ShouldBe(["blkdiscard", "--zeroout", "/dev/vgtest/lvtest"]);
    }

    [Theory]
    [InlineData(" 58 memory_bandwidth\n236 device-mapper\n 60 vga_arbiter\n", true)]
    [InlineData(" 58 memory_bandwidth\n 60 vga_arbiter\n", false)]
    public void Device_mapper_is_there_when_proc_misc_lists_it(string procMisc, bool listed)
    {
        DeviceMapper.IsListedIn(procMisc).ShouldBe(listed);
    }

    [Fact]
    public void A_device_mapper_module_the_kernel_can_load_counts_too()
    {
        DeviceMapper.IsModuleIn("kernel/drivers/md/dm-mod.ko.xz:\nkernel/fs/xfs/xfs.ko.xz: kernel/lib/libcrc32c.ko.xz\n").ShouldBeTrue();
        DeviceMapper.IsModuleIn("kernel/fs/xfs/xfs.ko.xz: kernel/lib/libcrc32c.ko.xz\n").ShouldBeFalse();
    }
}
