using Kiln.Tasks;

namespace Kiln.Common.Network;

/// <summary>
/// DHCP on the Ethernet interfaces with systemd-networkd and name resolution with systemd-resolved:
/// both come with systemd, so networking costs one small package. systemd sets up the loopback
/// interface itself (127.0.0.1 and ::1), which bootstrap-vz's images lost once.
/// </summary>
public sealed class ConfigureNetwork : BuildTask
{
    public const string NetworkFilePath = "/etc/systemd/network/80-kiln-dhcp.network";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring DHCP networking";

    public static string NetworkFile => """
        # Written by Kiln: DHCP (IPv4 and IPv6) on every Ethernet interface.
        [Match]
        Name=en* eth*
        Type=ether

        [Network]
        DHCP=yes

        [DHCPv4]
        UseDomains=yes

        """;

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(NetworkFilePath, NetworkFile);
        context.EnabledUnits.AddRange(["systemd-networkd.service", "systemd-resolved.service"]);
        return Task.CompletedTask;
    }
}
