using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Oracle;

/// <summary>systemd-timesyncd asks OCI's time service at 169.254.169.254, as OCI documents for every instance.</summary>
public sealed class ConfigureOracleTimeSync : BuildTask
{
    public const string PathInImage = "/etc/systemd/timesyncd.conf.d/10-kiln-oracle.conf";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Using OCI's time service";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(PathInImage, ImageFiles.Asset<ConfigureOracleTimeSync>("Providers/Oracle/assets/10-kiln-oracle.conf"));
        return Task.CompletedTask;
    }
}
