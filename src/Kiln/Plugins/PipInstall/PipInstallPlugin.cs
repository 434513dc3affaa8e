using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Plugins.Pip3Install;
using Kiln.Tasks;

namespace Kiln.Plugins.PipInstall;

/// <summary>
/// bootstrap-vz's pip_install plugin. Python 2 and its pip are gone from Debian (bookworm has neither), so
/// pip_install now means what pip3_install means: pip of Python 3, with the same options.
/// </summary>
public sealed class PipInstallPlugin : IPlugin
{
    public const string PluginName = "pip_install";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin pip_install", typeof(PipInstallPlugin).Assembly, "Plugins/PipInstall/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest) => PipPluginChecks.Validate(manifest, PluginName);

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add(new AddPipPackages(PluginName)).Add(new InstallPipPackages(PluginName));
    }
}
