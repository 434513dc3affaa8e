using Kiln.Caching;
using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Tests.Disks;
using Kiln.Tests.Fakes;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class BtrfsFilesystemWriterTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    [Fact]
    public async Task A_tree_on_one_filesystem_is_given_to_mkfs_btrfs_as_it_is()
    {
        var (context, runner, partition) = Build(layered: true, spansFilesystems: false);

        await new BtrfsFilesystemWriter().WriteAsync(context, partition, context.Paths.Root, CancellationToken.None);

        runner.Argvs.Select(a => a[0]).ShouldBe(["mkfs.btrfs", "dd"]);
        runner.Argvs[0].ShouldContain(context.Paths.Root);
    }

    [Fact]
    public async Task A_root_layered_across_two_filesystems_is_copied_first_because_mkfs_btrfs_keeps_inode_numbers()
    {
        var (context, runner, partition) = Build(layered: true, spansFilesystems: true);
        var staged = Path.Combine(context.Paths.Scratch, $"{partition.ScratchName}.btrfs-tree");

        await new BtrfsFilesystemWriter().WriteAsync(context, partition, context.Paths.Root, CancellationToken.None);

        runner.Argvs.Select(a => a[0]).ShouldBe(["cp", "mkfs.btrfs", "rm", "dd"]);
        runner.Argvs[0].ShouldBe(["cp", "-a", "--", context.Paths.Root + "/.", staged]);
        runner.Argvs[1].ShouldBe(["mkfs.btrfs", "-q", "-f", "-U", partition.Uuid!, "--rootdir", staged, Path.Combine(context.Paths.Scratch, $"{partition.ScratchName}.btrfs")]);
        runner.Argvs[2].ShouldBe(["rm", "-rf", "--one-file-system", staged]);
    }

    public void Dispose() => _workspace.Dispose();

    private (Kiln.Tasks.BuildContext Context, FakeCommandRunner Runner, DiskPartition Partition) Build(bool layered, bool spansFilesystems)
    {
        var runner = new FakeCommandRunner();
        var context = _workspace.Context(TestManifests.Bind(TestManifests.Minimal), runner);
        Directory.CreateDirectory(context.Paths.Scratch);
        if (layered)
        {
            var mounted = context.StateOf<LayeredRootMount>();
            mounted.Unmount = context.Undo.Push("unmount the layered root", _ => Task.CompletedTask);
            mounted.SpansFilesystems = spansFilesystems;
        }

        var root = TestLayouts.MsdosRootOnly().Root;
        return (context, runner, root with { Spec = root.Spec! with { Filesystem = FilesystemKind.Btrfs } });
    }
}
