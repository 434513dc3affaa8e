using Kiln.Common.Volume;
using Kiln.Tests.Disks;
using Kiln.Tests.Disks.Lvm;
using Kiln.Tests.Fakes;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class WriteVolumeGroupTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    [Fact]
    public async Task The_group_is_written_on_a_loop_device_over_its_partition_checked_against_the_layout_and_the_loop_detached()
    {
        var runner = Runner(LvmReportTests.LogicalVolumesJson);
        var context = Context(runner);

        await new WriteVolumeGroup().RunAsync(context, CancellationToken.None);

        var disk = context.Paths.RawDisk;
        runner.Argvs.Select(argv => argv[0]).ShouldBe(["losetup", "pvcreate", "vgcreate", "lvcreate", "lvcreate", "lvcreate", "vgchange", "pvs", "lvs", "losetup"]);
        runner.Argvs[0].ShouldBe(["losetup", "--find", "--show", "--offset", "268435456", "--sizelimit", "2818555392", disk]);
        runner.Argvs[^1].ShouldBe(["losetup", "--detach", "/dev/loop7"]);
        runner.Commands[1].Environment["LVM_SYSTEM_DIR"].ShouldBe(Path.Combine(context.Paths.Scratch, "lvm"));
        File.ReadAllText(Path.Combine(context.Paths.Scratch, "lvm", "lvm.conf")).ShouldContain("backup = 0");
        context.Undo.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_group_lvm_placed_elsewhere_than_the_layout_fails_the_build_and_leaves_the_loop_device_to_the_rollback()
    {
        var runner = Runner(LvmReportTests.LogicalVolumesJson.Replace("/dev/loop7:544-670", "/dev/loop7:544-600", StringComparison.Ordinal));
        var context = Context(runner);

        var failure = await Should.ThrowAsync<KilnException>(() => new WriteVolumeGroup().RunAsync(context, CancellationToken.None));

        failure.Message.ShouldBe("LVM wrote the volume group vg0 differently from the layout its filesystems are written into: var takes extents 544-600, not 544-670");
        context.Undo.Descriptions.ShouldBe(["detach /dev/loop7"]);
    }

    public void Dispose() => _workspace.Dispose();

    private static FakeCommandRunner Runner(string logicalVolumes) =>
        new FakeCommandRunner().Returns("losetup", 0, "/dev/loop7\n").Returns("pvs", 0, LvmReportTests.PhysicalVolumeJson).Returns("lvs", 0, logicalVolumes);

    private Kiln.Tasks.BuildContext Context(FakeCommandRunner runner)
    {
        var context = _workspace.Context(TestSpecs.WithLayout(TestLayouts.GptWithRootOnLvm()), runner);
        Directory.CreateDirectory(context.Paths.Scratch);
        return context;
    }
}
