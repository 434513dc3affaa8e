using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Debconf;

/// <summary>bootstrap-vz's debconf plugin: debconf-set-selections text from the manifest, answered before packages are installed.</summary>
public sealed class DebconfPlugin : Plugin<DebconfSettings>
{
    public const string PluginName = "debconf";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin debconf", typeof(DebconfPlugin).Assembly, "Plugins/Debconf/manifest-schema.yml");

    public override DebconfSettings Bind(SettingsSection section) => DebconfSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, DebconfSettings settings)
    {
        if (settings.Problems.Count == 0 && settings.Selections.Count == 0)
        {
            return [new ManifestError(settings.Where.Section, "the debconf text holds no selection, only blank lines and comments")];
        }

        return settings.Problems;
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, DebconfSettings settings) => tasks.Add<AddDebconfSelections>();
}
