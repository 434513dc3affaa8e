using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Azure;

/// <summary>
/// chrony on the Hyper-V host's clock (<c>refclock PHC /dev/ptp_hyperv</c>), Azure's recommended time source, with
/// no NTP servers, as in Debian's Azure images; where that clock does not exist chronyd is skipped, not failed.
/// </summary>
public sealed class ConfigureAzureTimeSync : BuildTask
{
    public const string ConfigurationPath = "/etc/chrony/chrony.conf";

    public const string DropInPath = "/etc/systemd/system/chrony.service.d/kiln-hyperv-clock.conf";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Using the Hyper-V clock for time";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(ConfigurationPath, ImageFiles.Asset<ConfigureAzureTimeSync>("Providers/Azure/assets/chrony.conf"));
        context.WriteFile(DropInPath, ImageFiles.Asset<ConfigureAzureTimeSync>("Providers/Azure/assets/chrony-hyperv-clock.conf"));
        return Task.CompletedTask;
    }
}
