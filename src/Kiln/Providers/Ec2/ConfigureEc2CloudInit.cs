using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Ec2;

/// <summary>
/// cloud-init for EC2: the EC2 data source (only on a machine that says it is EC2, so elsewhere the image boots
/// without waiting for a metadata service), and Debian's default user <c>admin</c> with the instance's key and sudo.
/// The cloud_init plugin's file, when the manifest has one, comes later and wins.
/// </summary>
public sealed class ConfigureEc2CloudInit : BuildTask
{
    public const string PathInImage = "/etc/cloud/cloud.cfg.d/01_kiln_ec2.cfg";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring cloud-init for EC2";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(PathInImage, ImageFiles.Asset<ConfigureEc2CloudInit>("Providers/Ec2/assets/01_kiln_ec2.cfg"));
        return Task.CompletedTask;
    }
}
