using Kiln.Tasks;

namespace Kiln.Plugins.ExpandRoot;

/// <summary>Adds cloud-guest-utils, which has growpart (the filesystem tools come with the root's filesystem).</summary>
public sealed class AddGrowpartPackage : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding growpart";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("cloud-guest-utils");
        return Task.CompletedTask;
    }
}
