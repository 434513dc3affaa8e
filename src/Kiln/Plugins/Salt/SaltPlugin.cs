using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Plugins.VendorRepositories;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Salt;

/// <summary>
/// bootstrap-vz's salt plugin: a Salt minion with its master and grains. bootstrap-vz ran the salt-bootstrap
/// script from the internet; Kiln installs salt-minion from the vendor's apt repository, as Salt's install
/// guide does today, in the same apt run as the rest of the image.
/// </summary>
public sealed class SaltPlugin : Plugin<SaltSettings>
{
    public const string PluginName = "salt";

    public const string Package = "salt-minion";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin salt", typeof(SaltPlugin).Assembly, "Plugins/Salt/manifest-schema.yml");

    public override SaltSettings Bind(SettingsSection section) => SaltSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, SaltSettings settings)
    {
        var source = settings.InstallSource;
        if (source != SaltSettings.Stable)
        {
            yield return settings.Where.ErrorAt("install_source",
                $"install_source `{source}` ran the salt-bootstrap script, downloaded from the internet during the build, to build Salt's {(source == "git" ? "git sources" : "daily build")}; Kiln installs salt-minion from the vendor's apt repository instead: use install_source stable (or leave it out), name the repository in plugins.salt.repository, and pin a release with version");
        }
        else if (settings.Version is { } version && !SaltMinionFiles.IsVersionPattern(version))
        {
            // bootstrap-vz took a git tag or commit here (with install_source git); Kiln pins a package version.
            yield return settings.Where.ErrorAt("version",
                $"`{version}` is not a Salt version or an apt version pattern such as 3007.1 or 3006.*; a git tag or commit (bootstrap-vz's install_source git) cannot be installed from the vendor repository");
        }

        foreach (var error in VendorRepositoryChecks.Check(spec.Manifest, settings, PluginName, "Salt (the salt-minion package)"))
        {
            yield return error;
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, SaltSettings settings)
    {
        tasks.Add(new AddVendorRepository(PluginName, [Package])).Add<ConfigureSaltMinion>();
        if (settings.Version is not null)
        {
            tasks.Add<PinSaltVersion>();
        }
    }
}
