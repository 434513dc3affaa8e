using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Providers.Docker;

/// <summary>Writes the image's one layer, a tar of the root tree, into the build directory (before the tree is removed).</summary>
public sealed class WriteContainerLayer : BuildTask
{
    // The tree is finished once the special filesystems are gone and the policy-rc.d is in place; the layer is
    // written then, in the phase before the root tree is removed.
    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Writing the container image's layer";

    public override IReadOnlyList<Type> Predecessors => [typeof(KeepDaemonsStopped), typeof(Common.Chroot.UnmountSpecialFilesystems)];

    public override IEnumerable<HostTool> Tools => [new HostTool("tar", "tar")];

    public static string LayerPath(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Path.Combine(context.Paths.BuildDirectory, "layer.tar");
    }

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var epoch = long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : (long?)null;
        await context.Runner.RunCheckedAsync(LayerTarCommand.For(context.Paths.Root, LayerPath(context), epoch), cancellationToken);
    }
}
