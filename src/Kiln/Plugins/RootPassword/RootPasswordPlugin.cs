using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.RootPassword;

/// <summary>bootstrap-vz's root_password plugin, plus <c>random: true</c> for an image without a well-known password.</summary>
public sealed class RootPasswordPlugin : Plugin<RootPasswordSettings>
{
    public const string PluginName = "root_password";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin root_password", typeof(RootPasswordPlugin).Assembly, "Plugins/RootPassword/manifest-schema.yml");

    public override RootPasswordSettings Bind(SettingsSection section) => RootPasswordSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, RootPasswordSettings settings)
    {
        if (settings.Choices != 1)
        {
            yield return new ManifestError(settings.Where.Section,
                "root_password takes exactly one of password, password-crypted or random: true");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, RootPasswordSettings settings) => tasks.Add<SetRootPassword>();
}
