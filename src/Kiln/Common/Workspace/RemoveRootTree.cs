using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Workspace;

/// <summary>
/// Starts removing the root tree as soon as the disk is written, while the image is being converted:
/// the two overlap instead of adding up. The removal of the build directory waits for it. The root tree
/// is gone from the image registration phase on.
/// </summary>
public sealed class RemoveRootTree : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Removing the root tree (in the background)";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = context.Paths.Root;
        if (Directory.Exists(root) && MountTable.Below(MountTable.ReadMountPoints(), root).Count == 0)
        {
            context.StateOf<BackgroundRemoval>().Task = context.Runner.RunCheckedAsync(new CommandLine("rm", "-rf", "--one-file-system", root), CancellationToken.None);
        }

        return Task.CompletedTask;
    }
}
