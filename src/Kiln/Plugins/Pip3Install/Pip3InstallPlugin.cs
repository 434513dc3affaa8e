using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Pip3Install;

/// <summary>bootstrap-vz's pip3_install plugin: Python packages installed with pip in the image, from an index or a wheel directory.</summary>
public sealed class Pip3InstallPlugin : Plugin<PipSettings>
{
    public const string PluginName = "pip3_install";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin pip3_install", typeof(Pip3InstallPlugin).Assembly, "Plugins/Pip3Install/manifest-schema.yml");

    public override PipSettings Bind(SettingsSection section) => PipSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, PipSettings settings) => PipPluginChecks.Validate(settings, PluginName);

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, PipSettings settings) =>
        tasks.Add(new AddPipPackages(PluginName)).Add(new InstallPipPackages(PluginName));
}
