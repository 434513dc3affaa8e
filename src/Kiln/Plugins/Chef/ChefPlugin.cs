using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Plugins.VendorRepositories;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Chef;

/// <summary>
/// bootstrap-vz's chef plugin: Chef Infra Client (the <c>chef</c> package, from the vendor's apt repository
/// since Debian no longer has it) and the manifest's assets in /etc/chef.
/// </summary>
public sealed class ChefPlugin : Plugin<ChefSettings>
{
    public const string PluginName = "chef";

    public const string Package = "chef";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin chef", typeof(ChefPlugin).Assembly, "Plugins/Chef/manifest-schema.yml");

    public override ChefSettings Bind(SettingsSection section) => ChefSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, ChefSettings settings)
    {
        foreach (var error in VendorRepositoryChecks.Check(spec.Manifest, settings, PluginName, "Chef Infra Client (the chef package)"))
        {
            yield return error;
        }

        if (settings.AssetsDirectory is { } assets && !Directory.Exists(assets))
        {
            var problem = File.Exists(assets) ? $"the assets path {assets} is a file; name a directory" : $"the assets directory {assets} does not exist";
            yield return settings.Where.ErrorAt("assets", problem);
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, ChefSettings settings)
    {
        tasks.Add(new AddVendorRepository(PluginName, [Package]));
        if (settings.AssetsDirectory is not null)
        {
            tasks.Add<CopyChefAssets>();
        }
    }
}
