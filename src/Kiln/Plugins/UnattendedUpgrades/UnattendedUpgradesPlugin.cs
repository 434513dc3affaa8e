using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.UnattendedUpgrades;

/// <summary>bootstrap-vz's unattended_upgrades plugin: the unattended-upgrades package and apt's periodic intervals.</summary>
public sealed class UnattendedUpgradesPlugin : IPlugin
{
    public const string PluginName = "unattended_upgrades";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin unattended_upgrades", typeof(UnattendedUpgradesPlugin).Assembly, "Plugins/UnattendedUpgrades/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest) => [];

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddUnattendedUpgradesPackage>().Add<EnablePeriodicUpgrades>();
    }
}
