using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Extensions;

/// <summary>A plugin with a typed settings record: binding, checks and tasks see the record, never the manifest tree.</summary>
public abstract class Plugin<TSettings> : IPlugin
    where TSettings : class
{
    public abstract string Name { get; }

    public abstract ManifestSchema? Schema { get; }

    object IManifestExtension.BindSettings(SettingsSection section) => Bind(section);

    IReadOnlyList<BuildOutput> IPlugin.DeclareOutputs(object settings, Manifest manifest, string outputDirectory) =>
        DeclareOutputs((TSettings)settings, manifest, outputDirectory);

    public IEnumerable<ManifestError> Validate(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Validate(spec, spec.SettingsOf<TSettings>(Name));
    }

    public void ResolveTasks(TaskSet tasks, BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(spec);
        ResolveTasks(tasks, spec, spec.SettingsOf<TSettings>(Name));
    }

    /// <summary>Reads the plugin's section (<c>plugins.NAME</c>; its value may be null) into the settings record.</summary>
    public abstract TSettings Bind(SettingsSection section);

    /// <summary>Files the plugin leaves beside the provider's outputs; none unless it says so.</summary>
    public virtual IReadOnlyList<BuildOutput> DeclareOutputs(TSettings settings, Manifest manifest, string outputDirectory) => [];

    protected virtual IEnumerable<ManifestError> Validate(BuildSpec spec, TSettings settings) => [];

    protected abstract void ResolveTasks(TaskSet tasks, BuildSpec spec, TSettings settings);
}
