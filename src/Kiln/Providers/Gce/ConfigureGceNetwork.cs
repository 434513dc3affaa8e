using Kiln.Common;
using Kiln.Common.Network;
using Kiln.Tasks;

namespace Kiln.Providers.Gce;

/// <summary>
/// GCE's network: Kiln's DHCP file already matches GCE's interface names (ens4 on virtio-net and gVNIC, eth0 with
/// net.ifnames=0); this drop-in takes the MTU from DHCP (1460 on GCE's default networks) and the search domains,
/// as netplan's configuration in Debian's images does.
/// </summary>
public sealed class ConfigureGceNetwork : BuildTask
{
    public const string PathInImage = ConfigureNetwork.NetworkFilePath + ".d/10-kiln-gce.conf";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Taking GCE's MTU from DHCP";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConfigureNetwork)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(PathInImage, ImageFiles.Asset<ConfigureGceNetwork>("Providers/Gce/assets/10-kiln-gce-network.conf"));
        return Task.CompletedTask;
    }
}
