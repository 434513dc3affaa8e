using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Oracle;

/// <summary>
/// cloud-init for OCI: the Oracle data source (used only where the DMI chassis asset tag says OracleCloud.com;
/// elsewhere cloud-init ends on the None data source without waiting for a metadata service) and the default user
/// <c>opc</c>, the name OCI's console and bootstrap-vz's oracle manifest use, with the instance's key and sudo.
/// The cloud_init plugin's file, when the manifest has one, comes later and wins.
/// </summary>
public sealed class ConfigureOracleCloudInit : BuildTask
{
    public const string PathInImage = "/etc/cloud/cloud.cfg.d/01_kiln_oracle.cfg";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring cloud-init for OCI";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(PathInImage, ImageFiles.Asset<ConfigureOracleCloudInit>("Providers/Oracle/assets/01_kiln_oracle.cfg"));
        return Task.CompletedTask;
    }
}
