using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Tasks;
using Kiln.Tests.Disks;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class ExtFilesystemWriterTests
{
    private readonly FakeCommandRunner _runner = new();

    [Fact]
    public async Task The_filesystem_is_made_and_filled_in_place_in_the_disk_file()
    {
        var context = TestBuildContexts.Create(runner: _runner);
        var root = TestLayouts.MsdosRootOnly().Root;

        await new ExtFilesystemWriter().WriteAsync(context, root, "/b/root", CancellationToken.None);

        _runner.Argvs.ShouldBe([["mkfs.ext4", "-q", "-F", "-U", root.Uuid!, "-E", "offset=1048576", "-d", "/b/root", "/nonexistent/workspace/kiln-test/disk.raw", "4193280k"]]);
    }

    [Fact]
    public async Task A_top_directory_mode_is_set_afterwards_with_debugfs()
    {
        var context = TestBuildContexts.Create(runner: _runner);
        context.Release = ReleaseCatalog.Bullseye;
        var layout = TestLayouts.Calculate(PartitionMapKind.Msdos, Bootloader.Grub, null, TestLayouts.Partition("root", "1GiB"), new PartitionSpec { Key = "tmp", Size = ByteSize.FromMiB(64), Filesystem = FilesystemKind.Ext4, Mode = "1777" });
        var tmp = layout.ForMountPoint("/tmp");

        await new ExtFilesystemWriter().WriteAsync(context, tmp, "/b/scratch/trees/partition-2", CancellationToken.None);

        _runner.Argvs.ShouldBe(
        [
            ["mkfs.ext4", "-q", "-F", "-U", tmp.Uuid!, "-O", "^orphan_file,^metadata_csum_seed", "-E", "offset=1073741824", "-d", "/b/scratch/trees/partition-2", "/nonexistent/workspace/kiln-test/disk.raw", "65536k"],
            ["debugfs", "-w", "-R", "sif / mode 041777", "/nonexistent/workspace/kiln-test/disk.raw?offset=1073741824"],
        ]);
    }

    [Fact]
    public void The_tools_are_the_ext_mkfs_and_for_a_mode_debugfs()
    {
        var partition = TestLayouts.MsdosRootOnly().Root;
        var withMode = partition with { Spec = partition.Spec! with { Mode = "0700" } };

        new ExtFilesystemWriter().RequiredTools(partition).ShouldBe([new HostTool("mkfs.ext4", "e2fsprogs")]);
        new ExtFilesystemWriter().RequiredTools(withMode).ShouldBe([new HostTool("mkfs.ext4", "e2fsprogs"), new HostTool("debugfs", "e2fsprogs")]);
    }
}
