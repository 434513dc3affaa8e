using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>Creates the sparse raw disk file the filesystems are written into.</summary>
public sealed class CreateDiskImage : BuildTask
{
    public override Phase Phase => Phase.VolumeCreation;

    public override string Description => "Creating the disk image file";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        using var file = new FileStream(context.Paths.RawDisk, FileMode.CreateNew, FileAccess.Write);
        file.SetLength(layout.TotalSize.Bytes);
        return Task.CompletedTask;
    }
}
