using Kiln.Common.Volume;
using Kiln.Disks.Lvm;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

/// <summary>
/// backing: lvm's creation of the host's logical volume, with the runner's fake and the host's probes replaced:
/// the host under test has no device-mapper, so these stand in for one that has it.
/// </summary>
public sealed class CreateLogicalVolumeTests : IDisposable
{
    private const string GroupJson = """{"report": [{"vg": [{"vg_name":"vgtest", "vg_extent_size":"4194304", "vg_free_count":"4096"}]}]}""";

    private const string VolumesJson = """{"report": [{"lv": [{"lv_name":"web1"}]}]}""";

    private const string Temporary = "vgtest/lvtest.kiln-test";

    private readonly string _workspace = Directory.CreateTempSubdirectory("kiln-create-lv-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public async Task Without_device_mapper_the_build_is_refused_before_any_lvm_command_runs()
    {
        var runner = new FakeCommandRunner();
        var context = Context(runner);

        var error = await Should.ThrowAsync<UserInputException>(() => new CreateLogicalVolume(() => false, _ => true).RunAsync(context, CancellationToken.None));

        error.Message.ShouldBe(DeviceMapper.Missing);
        runner.Commands.ShouldBeEmpty();
        BuildJournal.Read(context.Journal.Path).ShouldBeEmpty();
        context.Undo.Count.ShouldBe(0);
    }

    [Fact]
    public async Task The_volume_is_journaled_before_lvcreate_zeroed_made_the_disk_and_removed_by_the_rollback()
    {
        IReadOnlyList<Acquisition>? journaledAtCreation = null;
        var runner = new FakeCommandRunner().Returns("vgs", 0, GroupJson).Returns("lvs", 0, VolumesJson);
        var context = Context(runner);
        runner.Does("lvcreate", _ => journaledAtCreation = BuildJournal.Read(context.Journal.Path));

        await new CreateLogicalVolume(() => true, _ => true).RunAsync(context, CancellationToken.None);

        journaledAtCreation.ShouldBe([new Acquisition(Acquisition.LogicalVolume, Temporary)]);
        context.DiskPath.ShouldBe("/dev/vgtest/lvtest.kiln-test");
        context.StateOf<LogicalVolumeState>().TemporaryName.ShouldBe("lvtest.kiln-test");
        context.Undo.Descriptions.ShouldBe([$"remove the unfinished logical volume {Temporary}"]);
        runner.Argvs.Skip(2).ShouldBe(
        [
            ["lvcreate", "--yes", "--wipesignatures", "y", "--size", "2147483648b", "--name", "lvtest.kiln-test", "vgtest"],
            ["blkdiscard", "--zeroout", "/dev/vgtest/lvtest.kiln-test"],
        ]);

        (await context.Undo.UnwindAsync(CancellationToken.None)).ShouldBeEmpty();

        runner.Argvs[^1].ShouldBe(["lvremove", "--yes", "--force", Temporary]);
    }

    [Fact]
    public async Task A_volume_that_exists_already_is_refused_and_nothing_is_created()
    {
        var runner = new FakeCommandRunner().Returns("vgs", 0, GroupJson).Returns("lvs", 0, """{"report": [{"lv": [{"lv_name":"lvtest"}]}]}""");
        var context = Context(runner);

        var error = await Should.ThrowAsync<UserInputException>(() => new CreateLogicalVolume(() => true, _ => true).RunAsync(context, CancellationToken.None));

        error.Message.ShouldStartWith("the logical volume vgtest/lvtest exists already");
        runner.Argvs.Select(a => a[0]).ShouldBe(["vgs", "lvs"]);
        BuildJournal.Read(context.Journal.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_volume_whose_device_does_not_appear_is_still_removed_by_the_rollback()
    {
        var runner = new FakeCommandRunner().Returns("vgs", 0, GroupJson).Returns("lvs", 0, VolumesJson);
        var context = Context(runner);

        var error = await Should.ThrowAsync<KilnException>(() => new CreateLogicalVolume(() => true, _ => false).RunAsync(context, CancellationToken.None));

        error.Message.ShouldStartWith("lvcreate made vgtest/lvtest.kiln-test, but /dev/vgtest/lvtest.kiln-test does not exist");
        (await context.Undo.UnwindAsync(CancellationToken.None)).ShouldBeEmpty();
        runner.Argvs[^1].ShouldBe(["lvremove", "--yes", "--force", Temporary]);
    }

    private BuildContext Context(FakeCommandRunner runner)
    {
        var spec = TestManifests.Read(TestManifests.Minimal.Replace("backing: raw", "backing: lvm\n  volumegroup: vgtest\n  logicalvolume: lvtest", StringComparison.Ordinal));
        var paths = new BuildPaths(_workspace, "kiln-test", _workspace);
        return new BuildContext(spec, paths, runner, NullLoggerFactory.Instance) { Journal = new BuildJournal(BuildJournal.PathFor(paths)) };
    }
}
