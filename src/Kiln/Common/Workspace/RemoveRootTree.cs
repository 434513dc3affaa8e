using Kiln.Caching;
using Kiln.Common.Volume;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Workspace;

/// <summary>
/// Starts removing the root tree as soon as the disk is written, while the image is being converted:
/// the two overlap instead of adding up. The removal of the build directory waits for it. The root tree
/// is gone from the image registration phase on. A root layered on a stored tree is unmounted first (the
/// stored tree stays as it is) and only this build's own changes are removed.
/// </summary>
public sealed class RemoveRootTree : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Removing the root tree (in the background)";

    /// <summary>Started before the conversion, which reads only the disk, so the two overlap.</summary>
    public override IReadOnlyList<Type> Successors => [typeof(ConvertImage)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paths = context.Paths;
        if (!Directory.Exists(paths.Root) || MountTable.Below(MountTable.ReadMountPoints(), paths.Root).Count > 0)
        {
            return;
        }

        var layered = context.StateOf<LayeredRootMount>();
        if (layered.Unmount is { } unmount)
        {
            await unmount.ReleaseAsync(cancellationToken);
            layered.Unmount = null;
        }

        context.StateOf<BackgroundRemoval>().Task = context.Runner.RunCheckedAsync(new CommandLine("rm", "-rf", "--one-file-system", paths.Tree, paths.TreeLayers), CancellationToken.None);
    }
}
