using Kiln.Tasks;

namespace Kiln.Common.Workspace;

/// <summary>Removes the build directory once the image is in the output directory.</summary>
public sealed class RemoveBuildDirectory : BuildTask
{
    public override Phase Phase => Phase.Cleaning;

    public override string Description => "Removing the build directory";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.BuildDirectoryRemoval is { } removal)
        {
            await removal.ReleaseAsync(cancellationToken);
        }
    }
}
