using Kiln.Disks;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>Adds the tools of every filesystem on the disk to the image (its fsck runs at boot; growfs tools need them).</summary>
public sealed class AddFilesystemPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the filesystems' tools";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var partition in context.RequireLayout().Filesystems)
        {
            context.Packages.Add(FilesystemCommands.PackageFor(partition.Spec!.Filesystem));
        }

        return Task.CompletedTask;
    }
}
