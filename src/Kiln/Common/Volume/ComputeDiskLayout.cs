using Kiln.Disks;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>Places the partitions and chooses every filesystem UUID, before anything is written.</summary>
public sealed class ComputeDiskLayout : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Computing the disk layout";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Layout = DiskLayoutCalculator.Calculate(context.Manifest.Volume, context.Manifest.System.Bootloader, Guid.NewGuid);
        foreach (var partition in context.Layout.Filesystems)
        {
            context.Packages.Add(FilesystemCommands.PackageFor(partition.Spec!.Filesystem));
        }

        return Task.CompletedTask;
    }
}
