using Kiln.Common.Chroot;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// Creates every filesystem and the swap area in the disk (a file, or a block device for <c>backing: lvm</c>), each
/// filled with its part of the root tree; those on logical volumes are written at their volumes' places.
/// </summary>
public sealed class WriteFilesystems : BuildTask
{
    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Writing the filesystems into the disk image";

    public override IReadOnlyList<Type> Predecessors => [typeof(UnmountSpecialFilesystems)];

    public override IEnumerable<HostTool> Tools =>
    [
        new("mkfs.ext4", "e2fsprogs"), new("debugfs", "e2fsprogs"), new("dumpe2fs", "e2fsprogs"), new("mkfs.xfs", "xfsprogs"), new("mkfs.btrfs", "btrfs-progs"),
        new("mkfs.vfat", "dosfstools"), new("mcopy", "mtools"), new("mkswap", "util-linux"), new("dd", "coreutils"),
    ];

    public override IEnumerable<HostTool> RequiredTools(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layout = spec.RequireLayout();
        var tools = layout.Filesystems.SelectMany(p => FilesystemWriters.For(p).RequiredTools(p)).ToList();
        if (layout.Swap is not null)
        {
            tools.AddRange([new HostTool("mkswap", "util-linux"), new HostTool("dd", "coreutils")]);
        }

        return tools;
    }

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        var trees = PartitionTrees.Split(context, layout);
        try
        {
            foreach (var partition in layout.Filesystems)
            {
                var source = trees.Sources[partition.ScratchName];
                try
                {
                    await FilesystemWriters.For(partition).WriteAsync(context, partition, source, cancellationToken);
                }
                catch (CommandFailedException failure) when (TooSmall(partition, source) is { } message)
                {
                    throw new UserInputException(message, failure);
                }
            }
        }
        finally
        {
            trees.Restore();
        }

        if (layout.Swap is { } swap)
        {
            await WriteSwapAsync(context, swap, cancellationToken);
        }
    }

    /// <summary>
    /// Why a filesystem could not be written, when its files do not fit: measured only after its mkfs or copy has
    /// failed, because walking the tree first would cost every build about 0.1 s to explain the rare one that fails.
    /// </summary>
    private static string? TooSmall(DiskPartition partition, string source)
    {
        var needed = TreeSize.Estimate(source);
        if (needed <= partition.Size)
        {
            return null;
        }

        var spec = partition.Spec!;
        return $"the files for {spec.MountPoint} take about {needed.Bytes >> 20} MiB, but its {(spec.IsLogicalVolume ? "logical volume" : "partition")} holds {partition.Size.Bytes >> 20} MiB; increase {spec.ManifestPath}.size";
    }

    private static async Task WriteSwapAsync(BuildContext context, DiskPartition swap, CancellationToken cancellationToken)
    {
        var image = Path.Combine(context.Paths.Scratch, "swap.img");
        await using (var file = new FileStream(image, FileMode.Create, FileAccess.Write))
        {
            file.SetLength(swap.Size.Bytes);
        }

        await context.Runner.RunCheckedAsync(FilesystemCommands.SwapFile(swap.Uuid!, image), cancellationToken);
        await context.Runner.RunCheckedAsync(FilesystemCommands.CopyInto(image, context.DiskPath, swap.Start), cancellationToken);
        File.Delete(image);
    }
}
