using Kiln.Disks;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>btrfs made with <c>mkfs.btrfs --rootdir</c> in a sparse file of the partition's size, then copied into place.</summary>
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

        await context.Runner.RunCheckedAsync(FilesystemCommands.BtrfsFromDirectory(partition.Uuid!, sourceDirectory, image), cancellationToken);
        await context.Runner.RunCheckedAsync(FilesystemCommands.CopyInto(image, context.DiskPath, partition.Start), cancellationToken);
        File.Delete(image);
    }
}
