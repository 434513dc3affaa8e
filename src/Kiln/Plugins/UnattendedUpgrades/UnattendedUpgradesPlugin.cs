using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.UnattendedUpgrades;

/// <summary>bootstrap-vz's unattended_upgrades plugin: the unattended-upgrades package and apt's periodic intervals.</summary>
public sealed class UnattendedUpgradesPlugin : Plugin<PeriodicIntervals>
{
    public const string PluginName = "unattended_upgrades";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin unattended_upgrades", typeof(UnattendedUpgradesPlugin).Assembly, "Plugins/UnattendedUpgrades/manifest-schema.yml");

    public override PeriodicIntervals Bind(SettingsSection section) => PeriodicIntervals.Bind(section);

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, PeriodicIntervals settings) =>
        tasks.Add<AddUnattendedUpgradesPackage>().Add<EnablePeriodicUpgrades>();
}
