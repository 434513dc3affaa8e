using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.AptProxy;

/// <summary>
/// bootstrap-vz's apt_proxy plugin: every package download of the build, the bootstrap's included, goes
/// through an HTTP proxy (apt-cacher-ng, squid ...); the image keeps the setting only when it is persistent.
/// </summary>
public sealed class AptProxyPlugin : Plugin<AptProxySettings>
{
    public const string PluginName = "apt_proxy";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin apt_proxy", typeof(AptProxyPlugin).Assembly, "Plugins/AptProxy/manifest-schema.yml");

    public override AptProxySettings Bind(SettingsSection section) => AptProxySettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, AptProxySettings settings)
    {
        if ((settings.Username is null) != (settings.Password is null))
        {
            // bootstrap-vz ignored a lone username or password; a setting that silently does nothing is refused here.
            var given = settings.Username is null ? "password" : "username";
            yield return settings.Where.ErrorAt(given,
                "apt_proxy takes username and password together (the proxy is asked with both), or neither");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, AptProxySettings settings)
    {
        tasks.Add<CheckAptProxy>().Add<SetAptProxy>();
        if (!settings.Persistent)
        {
            tasks.Add<RemoveAptProxy>();
        }
    }
}
