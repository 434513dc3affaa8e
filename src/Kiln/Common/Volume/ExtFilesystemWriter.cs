using System.Globalization;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// ext2/3/4 written and filled in place by <c>mkfs -E offset -d</c>: no loop device, no mount, no copy. With the
/// build's SOURCE_DATE_EPOCH the filesystem's own times are that epoch, and so are every inode's access and change
/// times (<see cref="ExtInodeTimes"/>); the modification times were clamped in the tree (<see cref="ClampFileTimes"/>).
/// </summary>
public sealed class ExtFilesystemWriter : IFilesystemWriter
{
    public IEnumerable<HostTool> RequiredTools(DiskPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return [new(FilesystemCommands.ExtProgram(partition.Spec!.Filesystem), "e2fsprogs"), new HostTool("debugfs", "e2fsprogs"), new HostTool("dumpe2fs", "e2fsprogs")];
    }

    public async Task WriteAsync(BuildContext context, DiskPartition partition, string sourceDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(partition);
        var spec = partition.Spec!;
        var disk = context.DiskPath;
        var epoch = context.SourceDateEpoch?.Seconds;
        var make = FilesystemCommands.ExtAtOffset(spec.Filesystem, partition.Uuid!, sourceDirectory, disk, partition.Start, partition.Size, context.Release, partition.HashSeed);
        await context.Runner.RunCheckedAsync(FilesystemEnvironment.Apply(make, epoch), cancellationToken);
        if (spec.Mode is { } mode)
        {
            // mkfs -d gives the top directory mode 0755 whatever the source's; debugfs sets the inode's mode directly.
            var inodeMode = "04" + mode.PadLeft(4, '0');
            var device = $"{disk}?offset={partition.Start.Bytes.ToString(CultureInfo.InvariantCulture)}";
            await context.Runner.RunCheckedAsync(FilesystemEnvironment.Apply(new CommandLine("debugfs", "-w", "-R", $"sif / mode {inodeMode}", device), epoch), cancellationToken);
        }

        if (epoch is { } seconds)
        {
            var groups = await context.Runner.RunCheckedAsync(ExtInodeTimes.ListCommand(disk, partition.Start, seconds), cancellationToken);
            var script = ExtInodeTimes.Script(ExtInodeTimes.InUse(groups.StandardOutput), seconds);
            await context.Runner.RunCheckedAsync(ExtInodeTimes.SetCommand(disk, partition.Start, script, seconds), cancellationToken);
        }
    }
}
