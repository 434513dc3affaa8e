using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>A validated manifest as typed sections; tasks read it through the build context.</summary>
public sealed record Manifest
{
    /// <summary>The image name with its template fields filled in.</summary>
    public required string Name { get; init; }

    public required ManifestDocument Document { get; init; }

    /// <summary>When the build started (UTC): the time the name's <c>{%Y}</c>-style fields show, for plugins that fill in the same fields.</summary>
    public DateTimeOffset BuildTime { get; init; }

    public required ProviderSection Provider { get; init; }

    public required BootstrapperSection Bootstrapper { get; init; }

    public required SystemSection System { get; init; }

    public required PackagesSection Packages { get; init; }

    public required VolumeSection Volume { get; init; }

    /// <summary>Plugin name to its settings (null when the plugin takes none).</summary>
    public required IReadOnlyDictionary<string, JToken?> Plugins { get; init; }

    public bool HasPlugin(string name) => Plugins.ContainsKey(name);

    /// <summary>The settings of a plugin as an object (empty when it has none).</summary>
    public JObject PluginSettings(string name) => Plugins.TryGetValue(name, out var settings) && settings is JObject obj ? obj : [];
}
