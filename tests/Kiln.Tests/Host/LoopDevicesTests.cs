using Kiln.Host;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class LoopDevicesTests
{
    private readonly FakeCommandRunner _runner = new();
    private readonly UndoStack _undo = new(NullLogger.Instance);

    [Fact]
    public async Task A_region_of_the_file_gets_its_own_loop_device_detached_on_undo()
    {
        _runner.Returns("losetup", 0, "/dev/loop4\n");

        var (device, detach) = await new LoopDevices(_runner, _undo).AttachAsync("/b/disk.raw", 1048576, 267386880, CancellationToken.None);
        await detach.ReleaseAsync(CancellationToken.None);

        device.ShouldBe("/dev/loop4");
        _runner.Argvs.ShouldBe(
        [
            ["losetup", "--find", "--show", "--offset", "1048576", "--sizelimit", "267386880", "/b/disk.raw"],
            ["losetup", "--detach", "/dev/loop4"],
        ]);
        _undo.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Output_that_is_not_a_device_is_an_error()
    {
        _runner.Returns("losetup", 0, "losetup: cannot find an unused loop device\n");

        var error = await Should.ThrowAsync<KilnException>(() => new LoopDevices(_runner, _undo).AttachAsync("/b/disk.raw", 0, 512, CancellationToken.None));

        error.Message.ShouldBe("losetup gave no device for /b/disk.raw: losetup: cannot find an unused loop device\n");
        _undo.Count.ShouldBe(0);
    }
}
