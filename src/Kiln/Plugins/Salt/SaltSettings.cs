using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Salt;

/// <summary>The salt plugin's settings: bootstrap-vz's install_source, version, master and grains.</summary>
public sealed record SaltSettings(string InstallSource, string? Version, string? Master, JObject? Grains)
{
    public const string Stable = "stable";

    public static SaltSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = manifest.PluginSettings(SaltPlugin.PluginName);
        return new SaltSettings(
            (string?)settings["install_source"] ?? Stable,
            (string?)settings["version"],
            (string?)settings["master"],
            settings["grains"] as JObject);
    }
}
