using Kiln.Host;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class MountsTests
{
    private readonly FakeCommandRunner _runner = new();
    private readonly UndoStack _undo = new(NullLogger.Instance);

    [Fact]
    public async Task A_mount_is_registered_for_unmounting_the_moment_it_exists()
    {
        await new Mounts(_runner, _undo).MountAsync("sysfs", "/r/sys", "sysfs", ["ro", "nosuid"], CancellationToken.None);

        _runner.Argvs.ShouldBe([["mount", "-t", "sysfs", "-o", "ro,nosuid", "sysfs", "/r/sys"]]);
        _undo.Descriptions.ShouldBe(["unmount /r/sys"]);
    }

    [Fact]
    public async Task A_bind_mount_has_no_type()
    {
        var entry = await new Mounts(_runner, _undo).BindAsync("/dev", "/r/dev", CancellationToken.None);
        await entry.ReleaseAsync(CancellationToken.None);

        _runner.Argvs.ShouldBe([["mount", "-o", "bind", "/dev", "/r/dev"], ["umount", "/r/dev"]]);
        _undo.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_failed_mount_registers_nothing()
    {
        _runner.Returns("mount", 32, standardError: "mount: wrong fs type");

        await Should.ThrowAsync<CommandFailedException>(() => new Mounts(_runner, _undo).MountAsync("/dev/loop0", "/m", "xfs", [], CancellationToken.None));

        _undo.Count.ShouldBe(0);
    }
}
