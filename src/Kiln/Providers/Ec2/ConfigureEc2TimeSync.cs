using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Ec2;

/// <summary>systemd-timesyncd asks EC2's time service (169.254.169.123, fd00:ec2::123 on Nitro) unless DHCP names another server.</summary>
public sealed class ConfigureEc2TimeSync : BuildTask
{
    public const string PathInImage = "/etc/systemd/timesyncd.conf.d/10-kiln-ec2.conf";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Using EC2's time service";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(PathInImage, ImageFiles.Asset<ConfigureEc2TimeSync>("Providers/Ec2/assets/10-kiln-ec2.conf"));
        return Task.CompletedTask;
    }
}
