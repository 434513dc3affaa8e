using Kiln.Common.Chroot;
using Kiln.Specs;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Chroot;

public sealed class MountSpecialFilesystemsTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("kiln-chroot-").FullName;

    [Fact]
    public async Task The_root_gets_a_dev_of_its_own_and_never_the_hosts()
    {
        var runner = new FakeCommandRunner();
        var context = new BuildContext(TestManifests.Bind(TestManifests.Minimal), new BuildPaths(_workspace, "kiln-test", _workspace), runner, NullLoggerFactory.Instance);
        var root = context.Paths.Root;
        var dev = Path.Combine(root, "dev");

        await new MountSpecialFilesystems().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe(
        [
            ["mount", "-t", "proc", "proc", $"{root}/proc"],
            ["mount", "-t", "sysfs", "-o", "ro", "sysfs", $"{root}/sys"],
            ["mount", "-t", "tmpfs", "-o", "mode=0755,size=8m,nosuid,noexec", "kiln-dev", dev],
            ["mknod", "-m", "0666", $"{dev}/null", "c", "1", "3"],
            ["mknod", "-m", "0666", $"{dev}/zero", "c", "1", "5"],
            ["mknod", "-m", "0666", $"{dev}/full", "c", "1", "7"],
            ["mknod", "-m", "0666", $"{dev}/random", "c", "1", "8"],
            ["mknod", "-m", "0666", $"{dev}/urandom", "c", "1", "9"],
            ["mknod", "-m", "0666", $"{dev}/tty", "c", "5", "0"],
            ["mount", "-t", "devpts", "-o", "newinstance,ptmxmode=0666,mode=0620,gid=5,nosuid,noexec", "devpts", $"{dev}/pts"],
            ["mount", "-t", "tmpfs", "-o", "mode=1777,nosuid,nodev", "kiln-shm", $"{dev}/shm"],
        ]);
        runner.Argvs.ShouldNotContain(argv => argv.Contains("/dev"), "the host's /dev is never bound into the root");
        new FileInfo(Path.Combine(dev, "ptmx")).LinkTarget.ShouldBe("pts/ptmx");
        new FileInfo(Path.Combine(dev, "fd")).LinkTarget.ShouldBe("/proc/self/fd");
        context.Undo.Descriptions.ShouldBe(
        [
            $"unmount {root}/proc",
            $"unmount {root}/sys",
            $"unmount {dev}",
            $"unmount {dev}/pts",
            $"unmount {dev}/shm",
            "stop processes still running in the root",
        ]);
    }

    public void Dispose() => Directory.Delete(_workspace, recursive: true);
}
