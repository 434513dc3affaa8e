using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Plugins.VendorRepositories;
using Kiln.Tasks;

namespace Kiln.Plugins.Chef;

/// <summary>
/// bootstrap-vz's chef plugin: Chef Infra Client (the <c>chef</c> package, from the vendor's apt repository
/// since Debian no longer has it) and the manifest's assets in /etc/chef.
/// </summary>
public sealed class ChefPlugin : IPlugin
{
    public const string PluginName = "chef";

    public const string Package = "chef";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin chef", typeof(ChefPlugin).Assembly, "Plugins/Chef/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        foreach (var error in VendorRepositoryChecks.Check(manifest, PluginName, "Chef Infra Client (the chef package)"))
        {
            yield return error;
        }

        if (ChefSettings.From(manifest).AssetsDirectory is { } assets && !Directory.Exists(assets))
        {
            var problem = File.Exists(assets) ? $"the assets path {assets} is a file; name a directory" : $"the assets directory {assets} does not exist";
            yield return manifest.Document.ErrorAt(manifest.Document.Root.SelectToken("plugins.chef.assets"), problem);
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add(new AddVendorRepository(PluginName, [Package]));
        if (ChefSettings.From(manifest).AssetsDirectory is not null)
        {
            tasks.Add<CopyChefAssets>();
        }
    }
}
