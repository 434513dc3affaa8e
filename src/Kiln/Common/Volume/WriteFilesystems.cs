using Kiln.Common.Chroot;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>Creates every filesystem and the swap area in the disk file, each filled with its part of the root tree.</summary>
public sealed class WriteFilesystems : BuildTask
{
    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Writing the filesystems into the disk image";

    public override IReadOnlyList<Type> Predecessors => [typeof(UnmountSpecialFilesystems)];

    public override IEnumerable<HostTool> RequiredTools(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var layout = DiskLayoutCalculator.Calculate(manifest.Volume, manifest.System.Bootloader, Guid.NewGuid);
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
                var source = trees.Sources[partition.Number];
                CheckFits(partition, source);
                await FilesystemWriters.For(partition).WriteAsync(context, partition, source, cancellationToken);
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

    private static void CheckFits(DiskPartition partition, string source)
    {
        var needed = TreeSize.Estimate(source);
        if (needed > partition.Size)
        {
            var spec = partition.Spec!;
            throw new UserInputException(
                $"the files for {spec.MountPoint} take about {needed.Bytes >> 20} MiB, but its partition holds {partition.Size.Bytes >> 20} MiB; increase volume.partitions.{spec.Key}.size");
        }
    }

    private static async Task WriteSwapAsync(BuildContext context, DiskPartition swap, CancellationToken cancellationToken)
    {
        var image = Path.Combine(context.Paths.Scratch, "swap.img");
        await using (var file = new FileStream(image, FileMode.Create, FileAccess.Write))
        {
            file.SetLength(swap.Size.Bytes);
        }

        await context.Runner.RunCheckedAsync(FilesystemCommands.SwapFile(swap.Uuid!, image), cancellationToken);
        await context.Runner.RunCheckedAsync(FilesystemCommands.CopyInto(image, context.Paths.RawDisk, swap.Start), cancellationToken);
        File.Delete(image);
    }
}
