using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.Pip3Install;

/// <summary>bootstrap-vz's pip3_install plugin: Python packages installed with pip in the image, from an index or a wheel directory.</summary>
public sealed class Pip3InstallPlugin : IPlugin
{
    public const string PluginName = "pip3_install";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin pip3_install", typeof(Pip3InstallPlugin).Assembly, "Plugins/Pip3Install/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest) => PipPluginChecks.Validate(manifest, PluginName);

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add(new AddPipPackages(PluginName)).Add(new InstallPipPackages(PluginName));
    }
}
