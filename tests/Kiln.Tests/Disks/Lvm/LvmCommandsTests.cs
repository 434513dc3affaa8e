using Kiln.Disks.Lvm;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks.Lvm;

public sealed class LvmCommandsTests
{
    private readonly LvmCommands _lvm = new("/dev/loop7", "/work/kiln-1/scratch/lvm");

    [Fact]
    public void The_volume_group_is_written_with_activation_off_on_the_one_device_with_the_layouts_sizes_and_uuid()
    {
        var commands = _lvm.Create(TestLayouts.GptWithRootOnLvm().VolumeGroup!);

        commands.Select(c => string.Join(' ', c.Argv)).ShouldBe(
        [
            "pvcreate --driverloaded n --devices /dev/loop7 --yes --uuid 000000-0000-0040-0080-0000-0000-000002 --norestorefile --dataalignment 1024k /dev/loop7",
            "vgcreate --driverloaded n --devices /dev/loop7 --physicalextentsize 4096k --setautoactivation n vg0 /dev/loop7",
            "lvcreate --driverloaded n --devices /dev/loop7 --activate n --zero n --wipesignatures n --yes --name swap --extents 32 vg0",
            "lvcreate --driverloaded n --devices /dev/loop7 --activate n --zero n --wipesignatures n --yes --name root --extents 512 vg0",
            "lvcreate --driverloaded n --devices /dev/loop7 --activate n --zero n --wipesignatures n --yes --name var --extents 127 vg0",
            "vgchange --driverloaded n --devices /dev/loop7 --setautoactivation y vg0",
        ]);
    }

    [Fact]
    public void Every_command_reads_the_builds_own_lvm_configuration_and_keeps_quiet_about_inherited_descriptors()
    {
        var commands = _lvm.Create(TestLayouts.GptWithRootOnLvm().VolumeGroup!).Concat([_lvm.ReportPhysicalVolume(), _lvm.ReportLogicalVolumes("vg0"), _lvm.Deactivate("vg0")]);

        foreach (var command in commands)
        {
            command.Environment["LVM_SYSTEM_DIR"].ShouldBe("/work/kiln-1/scratch/lvm");
            command.Environment["LVM_SUPPRESS_FD_WARNINGS"].ShouldBe("1");
        }
    }

    [Fact]
    public void The_reports_ask_for_bytes_and_json()
    {
        _lvm.ReportPhysicalVolume().Argv.ShouldBe(
            ["pvs", "--driverloaded", "n", "--devices", "/dev/loop7", "--reportformat", "json", "--units", "b", "--nosuffix", "-o", "pv_name,pv_uuid,vg_name,pe_start,vg_extent_size,pv_pe_count", "/dev/loop7"]);
        _lvm.ReportLogicalVolumes("vg0").Argv.ShouldBe(["lvs", "--driverloaded", "n", "--devices", "/dev/loop7", "--reportformat", "json", "-o", "lv_name,seg_pe_ranges", "vg0"]);
    }

    [Fact]
    public void A_group_a_hosts_udev_activated_is_deactivated_with_device_mapper()
    {
        _lvm.Deactivate("vg0").Argv.ShouldBe(["vgchange", "--devices", "/dev/loop7", "--activate", "n", "vg0"]);
    }

    [Fact]
    public void The_configuration_keeps_lvm_out_of_the_hosts_etc_and_run()
    {
        var configuration = LvmConfiguration.ForBuild("/work/kiln-1/scratch/lvm");

        configuration.ShouldContain("\tbackup = 0\n\tarchive = 0\n");
        configuration.ShouldContain("\thints = \"none\"\n");
        configuration.ShouldContain("\tuse_devicesfile = 0\n");
        configuration.ShouldContain("\tlocking_dir = \"/work/kiln-1/scratch/lvm/lock\"\n");
        configuration.ShouldContain("\tudev_sync = 0\n");
    }
}
