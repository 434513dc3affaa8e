using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Gce;

/// <summary>systemd-timesyncd asks GCE's metadata server for the time (metadata.google.internal, 169.254.169.254) unless DHCP names another server.</summary>
public sealed class ConfigureGceTimeSync : BuildTask
{
    public const string PathInImage = "/etc/systemd/timesyncd.conf.d/10-kiln-gce.conf";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Using the metadata server's time";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(PathInImage, ImageFiles.Asset<ConfigureGceTimeSync>("Providers/Gce/assets/10-kiln-gce.conf"));
        return Task.CompletedTask;
    }
}
