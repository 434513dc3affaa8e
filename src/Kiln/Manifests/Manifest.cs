namespace Kiln.Manifests;

/// <summary>The core sections of a validated manifest, typed; extensions' sections are bound by the extensions themselves.</summary>
public sealed record Manifest
{
    /// <summary>The image name with its template fields filled in.</summary>
    public required string Name { get; init; }

    /// <summary>The manifest file (for messages), and the directory its relative paths are resolved against.</summary>
    public required string File { get; init; }

    public required string Directory { get; init; }

    /// <summary>When the build started (UTC): the time the name's <c>{%Y}</c>-style fields show, for plugins that fill in the same fields.</summary>
    public DateTimeOffset BuildTime { get; init; }

    public required ProviderSection Provider { get; init; }

    public required BootstrapperSection Bootstrapper { get; init; }

    public required SystemSection System { get; init; }

    public required PackagesSection Packages { get; init; }

    public required VolumeSection Volume { get; init; }

    /// <summary>The top-level <c>tags</c> as written (templates not yet rendered): a cloud's image tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The plugins the manifest turns on, in the order it lists them.</summary>
    public required IReadOnlyList<string> PluginNames { get; init; }

    public bool HasPlugin(string name) => PluginNames.Contains(name, StringComparer.Ordinal);
}
