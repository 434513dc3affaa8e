using Kiln.Tasks;

namespace Kiln.Common.Network;

/// <summary>Writes /etc/hostname and the matching /etc/hosts (the manifest's hostname, else "debian").</summary>
public sealed class SetHostname : BuildTask
{
    public const string DefaultHostname = "debian";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Setting the hostname";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hostname = context.Manifest.System.Hostname ?? DefaultHostname;
        context.WriteFile("/etc/hostname", hostname + "\n");
        context.WriteFile("/etc/hosts", HostsFile(hostname));
        return Task.CompletedTask;
    }

    public static string HostsFile(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        var shortName = hostname.Split('.')[0];
        var names = shortName == hostname ? hostname : $"{hostname} {shortName}";
        return $"""
            127.0.0.1	localhost
            127.0.1.1	{names}

            # The following lines are desirable for IPv6 capable hosts
            ::1	localhost ip6-localhost ip6-loopback
            ff02::1	ip6-allnodes
            ff02::2	ip6-allrouters

            """;
    }
}
