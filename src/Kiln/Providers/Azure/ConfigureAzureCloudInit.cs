using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Azure;

/// <summary>
/// cloud-init for Azure: the Azure data source (ds-identify enables it only on a machine whose firmware says it is
/// Azure, so elsewhere the image boots without waiting for Azure's wire server), Debian's default user
/// <c>debian</c>, and its events reported to the Hyper-V host. The cloud_init plugin's file, when the manifest has
/// one, comes later and wins.
/// </summary>
public sealed class ConfigureAzureCloudInit : BuildTask
{
    public const string PathInImage = "/etc/cloud/cloud.cfg.d/01_kiln_azure.cfg";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring cloud-init for Azure";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(PathInImage, ImageFiles.Asset<ConfigureAzureCloudInit>("Providers/Azure/assets/01_kiln_azure.cfg"));
        return Task.CompletedTask;
    }
}
