using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.AptProxy;

/// <summary>
/// bootstrap-vz's apt_proxy plugin: every package download of the build, the bootstrap's included, goes
/// through an HTTP proxy (apt-cacher-ng, squid ...); the image keeps the setting only when it is persistent.
/// </summary>
public sealed class AptProxyPlugin : IPlugin
{
    public const string PluginName = "apt_proxy";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin apt_proxy", typeof(AptProxyPlugin).Assembly, "Plugins/AptProxy/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = AptProxySettings.From(manifest);
        if ((settings.Username is null) != (settings.Password is null))
        {
            // bootstrap-vz ignored a lone username or password; a setting that silently does nothing is refused here.
            var given = settings.Username is null ? "password" : "username";
            yield return manifest.Document.ErrorAt(manifest.Document.Root.SelectToken($"plugins.apt_proxy.{given}"),
                "apt_proxy takes username and password together (the proxy is asked with both), or neither");
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<CheckAptProxy>().Add<SetAptProxy>();
        if (!AptProxySettings.From(manifest).Persistent)
        {
            tasks.Add<RemoveAptProxy>();
        }
    }
}
