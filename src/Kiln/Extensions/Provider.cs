using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Extensions;

/// <summary>A provider with a typed settings record (bound from the <c>provider</c> section).</summary>
public abstract class Provider<TSettings> : IProvider
    where TSettings : class
{
    public abstract string Name { get; }

    public abstract ManifestSchema? Schema { get; }

    object IManifestExtension.BindSettings(SettingsSection section) => Bind(section);

    ProviderProfile IProvider.Profile(object settings, ArchitectureProfile architecture) => Profile((TSettings)settings, architecture);

    IReadOnlyList<BuildOutput> IProvider.DeclareOutputs(object settings, Manifest manifest, DiskLayout? layout, string outputDirectory) =>
        DeclareOutputs((TSettings)settings, manifest, layout, outputDirectory);

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

    public abstract TSettings Bind(SettingsSection section);

    public abstract ProviderProfile Profile(TSettings settings, ArchitectureProfile architecture);

    /// <summary>A disk image in the manifest's format and its boot record, unless the provider writes something else.</summary>
    public virtual IReadOnlyList<BuildOutput> DeclareOutputs(TSettings settings, Manifest manifest, DiskLayout? layout, string outputDirectory) =>
        StandardOutputs.For(manifest, layout ?? throw new InvalidOperationException($"the provider {Name} writes a disk but has no layout"), outputDirectory);

    protected virtual IEnumerable<ManifestError> Validate(BuildSpec spec, TSettings settings) => [];

    protected abstract void ResolveTasks(TaskSet tasks, BuildSpec spec, TSettings settings);
}
