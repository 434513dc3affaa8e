using Kiln.Tasks;

namespace Kiln.Common.Chroot;

/// <summary>Undoes the build-only changes to the root and unmounts /proc, /sys and /dev before the filesystems are written.</summary>
public sealed class UnmountSpecialFilesystems : BuildTask
{
    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Unmounting /proc, /sys and /dev from the root";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in Enumerable.Reverse(context.BuildOnlyChanges).Concat(Enumerable.Reverse(context.ChrootMounts)).ToList())
        {
            await entry.ReleaseAsync(cancellationToken);
        }

        context.BuildOnlyChanges.Clear();
        context.ChrootMounts.Clear();
    }
}
