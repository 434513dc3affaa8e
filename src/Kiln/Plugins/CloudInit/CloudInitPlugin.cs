using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.CloudInit;

/// <summary>
/// bootstrap-vz's cloud_init plugin: Debian's cloud-init, with the default user's name and groups, the data
/// sources to try and changes to the module lists, all in one cloud.cfg.d file.
/// </summary>
public sealed class CloudInitPlugin : Plugin<CloudInitSettings>
{
    public const string PluginName = "cloud_init";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin cloud_init", typeof(CloudInitPlugin).Assembly, "Plugins/CloudInit/manifest-schema.yml");

    public override CloudInitSettings Bind(SettingsSection section) => CloudInitSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, CloudInitSettings settings)
    {
        var errors = new List<ManifestError>();
        foreach (var problem in settings.MetadataSources.Select(DataSources.Problem).OfType<string>())
        {
            errors.Add(settings.Where.ErrorAt("metadata_sources", problem));
        }

        foreach (var insertion in settings.EnableModules)
        {
            if (settings.DisableModules.Any(disabled => ModuleEntry.Key(disabled) == ModuleEntry.Key(insertion.Module)))
            {
                errors.Add(settings.Where.ErrorAt($"enable_modules.{insertion.Section}[{insertion.Index}].module", $"the module `{insertion.Module}` is in disable_modules too; keep it in one of the two"));
            }
        }

        return errors;
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, CloudInitSettings settings) =>
        tasks.Add<AddCloudInitPackages>().Add<ConfigureCloudInit>();
}
