using Kiln.Tasks;

namespace Kiln.Plugins.Ntp;

/// <summary>Adds chrony (bootstrap-vz installed ntp, which Debian has since replaced; chrony replaces systemd-timesyncd).</summary>
public sealed class AddChronyPackage : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding chrony";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("chrony");
        return Task.CompletedTask;
    }
}
