using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>Writes the partition table into the disk (file or block device) with one sfdisk call (no loop device needed).</summary>
public sealed class PartitionDiskImage : BuildTask
{
    public override Phase Phase => Phase.VolumeCreation;

    public override string Description => "Partitioning the disk image";

    public override IReadOnlyList<Type> Predecessors => [typeof(CreateDiskImage), typeof(CreateLogicalVolume)];

    public override IEnumerable<HostTool> Tools => [new HostTool("sfdisk", "fdisk")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var script = SfdiskScript.Render(context.RequireLayout());
        var command = new CommandLine("sfdisk", "--quiet", "--no-reread", "--no-tell-kernel", context.DiskPath) { StandardInput = script };
        await context.Runner.RunCheckedAsync(command, cancellationToken);
    }
}
