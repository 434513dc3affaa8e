using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.CloudInit;

/// <summary>
/// bootstrap-vz's cloud_init plugin: Debian's cloud-init, with the default user's name and groups, the data
/// sources to try and changes to the module lists, all in one cloud.cfg.d file.
/// </summary>
public sealed class CloudInitPlugin : IPlugin
{
    public const string PluginName = "cloud_init";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin cloud_init", typeof(CloudInitPlugin).Assembly, "Plugins/CloudInit/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var document = manifest.Document;
        var settings = CloudInitSettings.From(manifest);
        var errors = new List<ManifestError>();
        var sourcesToken = document.Root.SelectToken("plugins.cloud_init.metadata_sources");
        foreach (var problem in settings.MetadataSources.Select(DataSources.Problem).OfType<string>())
        {
            errors.Add(document.ErrorAt(sourcesToken, problem));
        }

        if (document.Root.SelectToken("plugins.cloud_init.enable_modules") is JObject sections)
        {
            foreach (var module in sections.Properties().SelectMany(s => ((JArray)s.Value).OfType<JObject>()).Select(entry => entry["module"]))
            {
                var name = (string)module!;
                if (settings.DisableModules.Any(disabled => ModuleEntry.Key(disabled) == ModuleEntry.Key(name)))
                {
                    errors.Add(document.ErrorAt(module, $"the module `{name}` is in disable_modules too; keep it in one of the two"));
                }
            }
        }

        return errors;
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddCloudInitPackages>().Add<ConfigureCloudInit>();
    }
}
