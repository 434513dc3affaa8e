using Kiln.Disks;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// The EFI system partition: mkfs.vfat writes FAT32 at the partition's offset in the disk file and mtools copies
/// the tree in, so no loop device and no vfat kernel module are needed. mkfs.fat takes its times from
/// SOURCE_DATE_EPOCH and the volume id from the layout; the tree goes in in name order (<see cref="FatCopyPlan"/>).
/// </summary>
public sealed class FatFilesystemWriter : IFilesystemWriter
{
    public IEnumerable<HostTool> RequiredTools(DiskPartition partition) =>
        [new("mkfs.vfat", "dosfstools"), new("mcopy", "mtools")];

    public async Task WriteAsync(BuildContext context, DiskPartition partition, string sourceDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(partition);
        var disk = context.DiskPath;
        var epoch = context.SourceDateEpoch?.Seconds;
        await context.Runner.RunCheckedAsync(FilesystemEnvironment.Apply(FilesystemCommands.FatAtOffset(partition.Uuid!, disk, partition.Start, partition.Size), epoch), cancellationToken);
        var standIns = Path.Combine(context.Paths.Scratch, $"fat-directories-{partition.Number}");
        var plan = FatCopyPlan.For(sourceDirectory, FatCopyPlan.List, standIns, disk, partition.Start);
        foreach (var standIn in plan.StandIns)
        {
            Directory.CreateDirectory(standIn.Path);
            Directory.SetLastWriteTimeUtc(standIn.Path, Directory.GetLastWriteTimeUtc(standIn.Source));
        }

        // mcopy -m gives every entry the file's modification time (clamped in the tree), as local time: TZ is UTC.
        foreach (var command in plan.Commands)
        {
            await context.Runner.RunCheckedAsync(FilesystemEnvironment.Apply(command, epoch), cancellationToken);
        }

        if (Directory.Exists(standIns))
        {
            Directory.Delete(standIns, recursive: true);
        }
    }
}
