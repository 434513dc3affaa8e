using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Plugins.Pip3Install;
using Kiln.Tasks;

namespace Kiln.Plugins.PipInstall;

/// <summary>
/// bootstrap-vz's pip_install plugin. Python 2 and its pip are gone from Debian (bookworm has neither), so
/// pip_install now means what pip3_install means: pip of Python 3, with the same options.
/// </summary>
public sealed class PipInstallPlugin : Plugin<PipSettings>
{
    public const string PluginName = "pip_install";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin pip_install", typeof(PipInstallPlugin).Assembly, "Plugins/PipInstall/manifest-schema.yml");

    public override PipSettings Bind(SettingsSection section) => PipSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, PipSettings settings) => PipPluginChecks.Validate(settings, PluginName);

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, PipSettings settings) =>
        tasks.Add(new AddPipPackages(PluginName)).Add(new InstallPipPackages(PluginName));
}
