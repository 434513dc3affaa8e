using Kiln.Tasks;

namespace Kiln.Common.Network;

/// <summary>Adds systemd-resolved, which is its own package from bookworm on (part of systemd before).</summary>
public sealed class AddNetworkPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the networking packages";

    public override IReadOnlyList<Type> Predecessors => [typeof(Apt.ResolveRelease)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Release >= Manifests.ReleaseCatalog.Bookworm)
        {
            context.Packages.Add("systemd-resolved");
        }

        return Task.CompletedTask;
    }
}
