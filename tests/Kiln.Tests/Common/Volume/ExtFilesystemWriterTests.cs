using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;
using Kiln.Tests.Disks;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class ExtFilesystemWriterTests
{
    private const long Epoch = 1_763_716_544;

    private readonly FakeCommandRunner _runner = new();

    [Fact]
    public async Task The_filesystem_is_made_and_filled_in_place_in_the_disk_file_with_its_hash_seed()
    {
        var context = TestBuildContexts.Create(runner: _runner);
        var root = TestLayouts.MsdosRootOnly().Root;

        await new ExtFilesystemWriter().WriteAsync(context, root, "/b/root", CancellationToken.None);

        _runner.Argvs.ShouldBe([["mkfs.ext4", "-q", "-F", "-U", root.Uuid!, "-E", $"offset=1048576,hash_seed={root.HashSeed}", "-d", "/b/root", "/nonexistent/workspace/kiln-test/disk.raw", "4193280k"]]);
    }

    [Fact]
    public async Task Mkfs_sorts_directories_in_the_c_locale_and_without_an_epoch_reads_the_clock()
    {
        var context = TestBuildContexts.Create(runner: _runner);

        await new ExtFilesystemWriter().WriteAsync(context, TestLayouts.MsdosRootOnly().Root, "/b/root", CancellationToken.None);

        _runner.Commands.Single().Environment.ShouldBe(new Dictionary<string, string> { ["LC_ALL"] = "C", ["TZ"] = "UTC" }, ignoreOrder: true);
    }

    [Fact]
    public async Task With_the_builds_epoch_mkfs_takes_its_times_from_it_and_debugfs_sets_every_used_inodes_access_and_change_time()
    {
        _runner.Returns("dumpe2fs", 0, "Inode count: 13\nFirst inode: 11\n  Free inodes: 12\n");
        var context = TestBuildContexts.Create(runner: _runner);
        context.UseSourceDateEpoch(new SourceDateEpoch(Epoch, "a test"));
        var root = TestLayouts.MsdosRootOnly().Root;

        await new ExtFilesystemWriter().WriteAsync(context, root, "/b/root", CancellationToken.None);

        var (mkfs, dumpe2fs, debugfs) = (_runner.Commands[0], _runner.Commands[1], _runner.Commands[2]);
        mkfs.Environment["SOURCE_DATE_EPOCH"].ShouldBe("1763716544");
        mkfs.Environment["E2FSPROGS_FAKE_TIME"].ShouldBe("1763716544");
        dumpe2fs.Argv.ShouldBe(["dumpe2fs", "/nonexistent/workspace/kiln-test/disk.raw?offset=1048576"]);
        debugfs.Argv.ShouldBe(["debugfs", "-w", "-f", "-", "/nonexistent/workspace/kiln-test/disk.raw?offset=1048576"]);
        debugfs.StandardInput!.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "sif <2> atime @1763716544", "sif <2> ctime @1763716544",
            "sif <11> atime @1763716544", "sif <11> ctime @1763716544",
            "sif <13> atime @1763716544", "sif <13> ctime @1763716544",
        ]);
        _runner.Commands.Count.ShouldBe(3);
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
            ["mkfs.ext4", "-q", "-F", "-U", tmp.Uuid!, "-O", "^orphan_file,^metadata_csum_seed", "-E", $"offset=1073741824,hash_seed={tmp.HashSeed}", "-d", "/b/scratch/trees/partition-2", "/nonexistent/workspace/kiln-test/disk.raw", "65536k"],
            ["debugfs", "-w", "-R", "sif / mode 041777", "/nonexistent/workspace/kiln-test/disk.raw?offset=1073741824"],
        ]);
    }

    [Fact]
    public void The_tools_are_the_ext_mkfs_debugfs_and_dumpe2fs()
    {
        var partition = TestLayouts.MsdosRootOnly().Root;

        new ExtFilesystemWriter().RequiredTools(partition).ShouldBe([new HostTool("mkfs.ext4", "e2fsprogs"), new HostTool("debugfs", "e2fsprogs"), new HostTool("dumpe2fs", "e2fsprogs")]);
    }
}
