using Kiln.Builds;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Tasks;

/// <summary>The journal, the build lock and the recovery of builds whose process is gone, on a temporary workspace.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("kiln-recovery-").FullName;

    [Fact]
    public void The_journal_reads_back_every_acquisition_in_order()
    {
        var journal = new BuildJournal(Path.Combine(_workspace, "kiln-20260101-000000-abcdef.journal"));

        journal.Record(new Acquisition(Acquisition.Mount, "/w/b/root/proc"));
        journal.Record(new Acquisition(Acquisition.Loop, "/w/b/disk.raw"));
        journal.Record(new Acquisition(Acquisition.Binfmt, "qemu-aarch64"));

        BuildJournal.Read(journal.Path).Select(a => a.ToString()).ShouldBe(["mount /w/b/root/proc", "loop /w/b/disk.raw", "binfmt qemu-aarch64"]);
    }

    [Fact]
    public void A_held_build_lock_means_alive_and_a_released_one_stale()
    {
        var path = Path.Combine(_workspace, "kiln-20260101-000000-abcdef.lock");

        using (BuildOwnership.Claim(path))
        {
            BuildOwnership.IsAlive(path).ShouldBeTrue();
            BuildOwnership.TryTakeOver(path).ShouldBeNull();
        }

        BuildOwnership.IsAlive(path).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stale_build_is_found_and_removed_with_its_unfinished_outputs_and_a_live_one_is_left_alone()
    {
        var stale = MakeBuild("kiln-20260101-000000-aaaaaa");
        var output = Path.Combine(_workspace, ".image.qcow2.kiln-20260101-000000-aaaaaa");
        await File.WriteAllTextAsync(output, "half an image");
        new BuildJournal(stale + ".journal").Record(new Acquisition(Acquisition.File, output));
        var live = MakeBuild("kiln-20260101-000000-bbbbbb");
        using var liveLock = BuildOwnership.Claim(live + ".lock");

        StaleBuilds.Find(_workspace).ShouldBe([stale]);
        var runner = new FakeCommandRunner();
        var recovered = await new StaleBuilds(runner, NullLogger.Instance).RecoverAllAsync(_workspace, CancellationToken.None);

        recovered.ShouldBe([stale]);
        File.Exists(output).ShouldBeFalse();
        File.Exists(stale + ".journal").ShouldBeFalse();
        File.Exists(stale + ".lock").ShouldBeFalse();
        runner.Argvs.ShouldBe([["rm", "-rf", "--one-file-system", stale]]);
        Directory.Exists(live).ShouldBeTrue();
    }

    [Fact]
    public async Task A_stale_builds_unfinished_logical_volume_is_removed()
    {
        var stale = MakeBuild("kiln-20260101-000000-dddddd");
        new BuildJournal(stale + ".journal").Record(new Acquisition(Acquisition.LogicalVolume, "vgtest/lvtest.kiln-20260101-000000-dddddd"));
        var runner = new FakeCommandRunner();

        await new StaleBuilds(runner, NullLogger.Instance).RecoverAllAsync(_workspace, CancellationToken.None);

        runner.Argvs.ShouldBe(
        [
            ["lvremove", "--yes", "--force", "vgtest/lvtest.kiln-20260101-000000-dddddd"],
            ["rm", "-rf", "--one-file-system", stale],
        ]);
    }

    [Fact]
    public async Task The_output_locks_of_a_killed_build_are_in_its_journal_and_removed_by_its_recovery_unless_held_again()
    {
        var spec = TestManifests.Bind(TestManifests.Minimal, options: TestManifests.Options with { OutputDirectory = _workspace });
        var stale = MakeBuild("kiln-20260101-000000-dddddd");
        var journal = new BuildJournal(stale + ".journal");
        var locks = OutputLocks.Acquire(spec, stale, journal);
        var imageLock = OutputLocks.LockPathFor(spec.Outputs.RequireDiskImage().Path);
        var recordLock = OutputLocks.LockPathFor(spec.Outputs.BootRecord!.Path);
        BuildJournal.Read(journal.Path).ShouldContain(new Acquisition(Acquisition.Lock, imageLock));
        locks.Dispose();
        await File.WriteAllTextAsync(imageLock, string.Empty); // what a SIGKILL leaves
        await File.WriteAllTextAsync(imageLock + ".owner", "kiln process 1");
        await File.WriteAllTextAsync(recordLock, string.Empty);
        using var heldAgain = new FileStream(recordLock, FileMode.Open, FileAccess.ReadWrite, FileShare.None); // a new build took this one

        await new StaleBuilds(new FakeCommandRunner(), NullLogger.Instance).RecoverAllAsync(_workspace, CancellationToken.None);

        File.Exists(imageLock).ShouldBeFalse();
        File.Exists(imageLock + ".owner").ShouldBeFalse();
        File.Exists(recordLock).ShouldBeTrue("a lock a live build holds is that build's");
    }

    [Fact]
    public void A_second_build_of_the_same_output_is_refused_naming_the_first()
    {
        var spec = TestManifests.Bind(TestManifests.Minimal, options: TestManifests.Options with { OutputDirectory = _workspace });
        using var first = OutputLocks.Acquire(spec, "/w/kiln-first", BuildJournal.None);

        var error = Should.Throw<UserInputException>(() => OutputLocks.Acquire(spec, "/w/kiln-second", BuildJournal.None));

        error.Message.ShouldStartWith($"{_workspace}/test-bookworm.raw is being written by another build (kiln process {Environment.ProcessId}, /w/kiln-first)");
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Outputs_are_written_under_a_temporary_name_and_put_in_place_only_when_published()
    {
        var spec = TestManifests.Bind(TestManifests.Minimal, options: TestManifests.Options with { OutputDirectory = _workspace });
        var context = new BuildContext(spec, new BuildPaths(_workspace, "kiln-20260101-000000-cccccc", _workspace), new FakeCommandRunner(), NullLoggerFactory.Instance);
        var image = spec.Outputs.RequireDiskImage();

        var temporary = context.Outputs.Begin(context, image, image.Path);
        File.WriteAllText(temporary, "disk");

        temporary.ShouldBe($"{_workspace}/.test-bookworm.raw.kiln-20260101-000000-cccccc");
        File.Exists(image.Path).ShouldBeFalse();
        context.Outputs.Publish().ShouldBe([image.Path]);
        File.ReadAllText(image.Path).ShouldBe("disk");
        context.Undo.Count.ShouldBe(0);
    }

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    private string MakeBuild(string name)
    {
        var directory = Path.Combine(_workspace, name);
        Directory.CreateDirectory(Path.Combine(directory, "root"));
        return directory;
    }
}
