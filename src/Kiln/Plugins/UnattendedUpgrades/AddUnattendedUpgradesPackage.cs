using Kiln.Tasks;

namespace Kiln.Plugins.UnattendedUpgrades;

/// <summary>Adds unattended-upgrades.</summary>
public sealed class AddUnattendedUpgradesPackage : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding unattended-upgrades";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("unattended-upgrades");
        return Task.CompletedTask;
    }
}
