using Kiln.Common;
using Kiln.Common.Services;
using Kiln.Tasks;

namespace Kiln.Plugins.UnattendedUpgrades;

/// <summary>
/// Writes the intervals to /etc/apt/apt.conf.d/20auto-upgrades and enables apt's timers. bootstrap-vz wrote
/// 02periodic, which the package's own 20auto-upgrades (created when it is installed) overrides today; Kiln
/// replaces that file instead, so the manifest's intervals are the ones apt uses.
/// </summary>
public sealed class EnablePeriodicUpgrades : BuildTask
{
    public const string ConfigurationPath = "/etc/apt/apt.conf.d/20auto-upgrades";

    public static readonly IReadOnlyList<string> Units = ["apt-daily.timer", "apt-daily-upgrade.timer", "unattended-upgrades.service"];

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Writing apt's periodic upgrade intervals";

    public override IReadOnlyList<Type> Successors => [typeof(EnableUnits)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(ConfigurationPath, context.Spec.SettingsOf<PeriodicIntervals>().AptConfiguration());
        context.EnabledUnits.AddRange(Units);
        return Task.CompletedTask;
    }
}
