using Kiln.Common.Chroot;
using Kiln.Disks;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// Clamps every file time in the root tree to the build's SOURCE_DATE_EPOCH once nothing changes the tree any
/// more, right before the filesystems are written from it: files the build made or changed get the epoch, the
/// packages' older times stay (<see cref="TreeTimes"/>). A root made from a stored tree, whose times were clamped
/// when it was stored, has only the entries the build changed written.
/// </summary>
public sealed class ClampFileTimes : BuildTask
{
    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Clamping file times to SOURCE_DATE_EPOCH";

    public override IReadOnlyList<Type> Predecessors => [typeof(UnmountSpecialFilesystems)];

    public override IReadOnlyList<Type> Successors => [typeof(WriteFilesystems)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var epoch = context.SourceDateEpoch ?? throw new InvalidOperationException("the build's SOURCE_DATE_EPOCH is chosen in the preparation phase (ResolveRelease)");
        var clamp = TreeTimes.Clamp(context.Paths.Root, epoch.Seconds, context.StoredTreeTimes);
        context.Announce($"clamped the times of {clamp.Lowered} of {clamp.Entries} files to {epoch.Time:yyyy-MM-dd HH:mm:ss} UTC ({clamp.Changed} changed{(context.StoredTreeTimes is null ? "" : ", the rest already clamped in the stored tree")})");
        return Task.CompletedTask;
    }
}
