using Kiln.Common.Network;
using Kiln.Common.Services;
using Kiln.Tasks;

namespace Kiln.Plugins.OpenNebula;

/// <summary>
/// Lets OpenNebula's context own the network and enables its services. one-context writes a systemd-networkd
/// file per interface (ens3.network ...) from the VM's context; Kiln's DHCP file for every interface
/// (80-kiln-dhcp.network) sorts before those and would win, so it is removed. networkd and resolved stay
/// enabled: one-context configures the network through them.
/// </summary>
public sealed class HandNetworkToContext : BuildTask
{
    /// <summary>The services one-context's own package script enables; enabled here too, so the image never lacks them.</summary>
    public static readonly IReadOnlyList<string> Units = ["one-context-local.service", "one-context.service"];

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Handing the network to OpenNebula's context";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConfigureNetwork)];

    public override IReadOnlyList<Type> Successors => [typeof(EnableUnits)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        File.Delete(context.Paths.InRoot(ConfigureNetwork.NetworkFilePath));
        context.EnabledUnits.AddRange(Units);
        return Task.CompletedTask;
    }
}
