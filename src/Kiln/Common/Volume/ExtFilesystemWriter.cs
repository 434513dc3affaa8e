using System.Globalization;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>ext2/3/4 written and filled in place by <c>mkfs -E offset -d</c>: no loop device, no mount, no copy.</summary>
public sealed class ExtFilesystemWriter : IFilesystemWriter
{
    public IEnumerable<HostTool> RequiredTools(DiskPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var tools = new List<HostTool> { new(FilesystemCommands.ExtProgram(partition.Spec!.Filesystem), "e2fsprogs") };
        if (partition.Spec.Mode is not null)
        {
            tools.Add(new HostTool("debugfs", "e2fsprogs"));
        }

        return tools;
    }

    public async Task WriteAsync(BuildContext context, DiskPartition partition, string sourceDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(partition);
        var spec = partition.Spec!;
        var disk = context.Paths.RawDisk;
        await context.Runner.RunCheckedAsync(FilesystemCommands.ExtAtOffset(spec.Filesystem, partition.Uuid!, sourceDirectory, disk, partition.Start, partition.Size, context.Release), cancellationToken);
        if (spec.Mode is { } mode)
        {
            // mkfs -d gives the top directory mode 0755 whatever the source's; debugfs sets the inode's mode directly.
            var inodeMode = "04" + mode.PadLeft(4, '0');
            var device = $"{disk}?offset={partition.Start.Bytes.ToString(CultureInfo.InvariantCulture)}";
            await context.Runner.RunCheckedAsync(new CommandLine("debugfs", "-w", "-R", $"sif / mode {inodeMode}", device), cancellationToken);
        }
    }
}
