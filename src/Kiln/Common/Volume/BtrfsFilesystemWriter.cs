using Kiln.Caching;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// btrfs made with <c>mkfs.btrfs --rootdir</c> in a sparse file of the partition's size, then copied into place.
/// mkfs.btrfs takes each file's inode number for its own; a root layered on a stored tree on another filesystem has
/// files of two layers with the same number (measured: "item ... already exists but has wrong st_nlink"), so it is
/// given a copy of the tree, on one filesystem, instead.
/// </summary>
public sealed class BtrfsFilesystemWriter : IFilesystemWriter
{
    public IEnumerable<HostTool> RequiredTools(DiskPartition partition) =>
        [new("mkfs.btrfs", "btrfs-progs"), new("dd", "coreutils")];

    public async Task WriteAsync(BuildContext context, DiskPartition partition, string sourceDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(partition);
        var image = Path.Combine(context.Paths.Scratch, $"{partition.ScratchName}.btrfs");
        await using (var file = new FileStream(image, FileMode.Create, FileAccess.Write))
        {
            file.SetLength(partition.Size.Bytes);
        }

        var staged = context.StateOf<LayeredRootMount>() is { Unmount: not null, SpansFilesystems: true }
            ? Path.Combine(context.Paths.Scratch, $"{partition.ScratchName}.btrfs-tree")
            : null;
        if (staged is not null)
        {
            Directory.CreateDirectory(staged);
            await context.Runner.RunCheckedAsync(TreeReuse.CopyTree(sourceDirectory, staged), cancellationToken);
        }

        await context.Runner.RunCheckedAsync(FilesystemCommands.BtrfsFromDirectory(partition.Uuid!, staged ?? sourceDirectory, image), cancellationToken);
        if (staged is not null)
        {
            await context.Runner.RunCheckedAsync(new CommandLine("rm", "-rf", "--one-file-system", staged), cancellationToken);
        }

        await context.Runner.RunCheckedAsync(FilesystemCommands.CopyInto(image, context.DiskPath, partition.Start), cancellationToken);
        File.Delete(image);
    }
}
