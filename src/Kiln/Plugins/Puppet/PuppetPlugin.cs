using System.Text.RegularExpressions;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Puppet;

/// <summary>
/// bootstrap-vz's puppet plugin, on Debian's own Puppet: installs the agent, copies a configuration tree into
/// /etc/puppet, installs modules, applies a manifest in the image and enables the agent if asked.
/// </summary>
public sealed partial class PuppetPlugin : Plugin<PuppetSettings>
{
    public const string PluginName = "puppet";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin puppet", typeof(PuppetPlugin).Assembly, "Plugins/Puppet/manifest-schema.yml");

    public override PuppetSettings Bind(SettingsSection section) => PuppetSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, PuppetSettings settings)
    {
        if (settings.Assets is { } assets)
        {
            if (!Directory.Exists(assets))
            {
                yield return settings.Where.ErrorAt("assets", $"the puppet assets directory {assets} does not exist");
            }
            else if (File.Exists(Path.Combine(assets, "puppet", "puppet.conf")))
            {
                yield return settings.Where.ErrorAt("assets",
                    $"{assets} is laid out for Puppet Labs' /etc/puppetlabs (puppet/puppet.conf); Debian's Puppet reads /etc/puppet, so move the content of its puppet/ directory to its top, and code/ stays code/");
            }
        }

        if (settings.Manifest is { } puppetManifest && !File.Exists(puppetManifest))
        {
            yield return settings.Where.ErrorAt("manifest", $"the puppet manifest {puppetManifest} does not exist");
        }

        for (var index = 0; index < settings.Modules.Count; index++)
        {
            if (Problem(settings.Modules[index]) is { } problem)
            {
                yield return settings.Where.ErrorAt($"install_modules[{index}]", problem);
            }
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, PuppetSettings settings)
    {
        tasks.Add<AddPuppetAgent>();
        if (settings.Modules.Count > 0)
        {
            tasks.Add<InstallPuppetModules>();
        }

        if (settings.Assets is not null)
        {
            tasks.Add<CopyPuppetAssets>();
        }

        if (settings.Manifest is not null)
        {
            tasks.Add<ApplyPuppetManifest>();
        }

        if (settings.Manifest is not null || settings.Modules.Count > 0)
        {
            tasks.Add<ForgetPuppetRuns>();
        }

        if (settings.EnableAgent)
        {
            tasks.Add<EnablePuppetAgent>();
        }
    }

    private static string? Problem(PuppetModule module)
    {
        if (module.IsArchive)
        {
            if (!File.Exists(module.ArchivePath))
            {
                return $"the module archive {module.ArchivePath} does not exist";
            }

            return module.Version is null ? null : "a module archive carries its own version; give only its path";
        }

        return ForgeName().IsMatch(module.Name) ? null : $"`{module.Name}` is neither a Forge module name (author-name) nor the path of a module archive (.tar.gz)";
    }

    [GeneratedRegex("^[A-Za-z0-9]+[-/][a-z][a-z0-9_]*$")]
    private static partial Regex ForgeName();
}
