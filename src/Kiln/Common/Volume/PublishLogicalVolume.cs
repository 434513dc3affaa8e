using Kiln.Common.Workspace;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// <c>backing: lvm</c>: gives the finished logical volume its final name, just before the other outputs are put
/// in place; from here on the volume is the user's and a rollback leaves it.
/// </summary>
public sealed class PublishLogicalVolume : BuildTask
{
    public override Phase Phase => Phase.Cleaning;

    public override string Description => "Giving the logical volume its name";

    public override IReadOnlyList<Type> Successors => [typeof(PublishOutputs)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Spec.Outputs.LogicalVolume ?? throw new InvalidOperationException("this build declares no logical volume");
        var state = context.StateOf<LogicalVolumeState>();
        var temporary = state.TemporaryName ?? throw new InvalidOperationException("the logical volume was not created");
        cancellationToken.ThrowIfCancellationRequested();
        await new HostLogicalVolumes(context.Runner).RenameAsync(output.VolumeGroup, temporary, output.LogicalVolume, cancellationToken);
        state.Removal?.Dismiss();
        context.Artifacts.Add(output.Location);
    }
}
