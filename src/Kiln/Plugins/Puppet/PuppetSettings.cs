using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Puppet;

/// <summary>The puppet plugin's settings, with paths resolved against the manifest's directory.</summary>
public sealed record PuppetSettings(string? Assets, string? Manifest, bool EnableAgent, IReadOnlyList<PuppetModule> Modules)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static PuppetSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var directory = section.ManifestDirectory;
        var modules = settings["install_modules"] is JArray entries
            ? entries.OfType<JArray>().Where(e => e.Count > 0).Select(e => PuppetModule.From(e, directory)).ToList()
            : [];
        return new PuppetSettings(
            Resolve((string?)settings["assets"], directory),
            Resolve((string?)settings["manifest"], directory),
            settings["enable_agent"]?.Value<bool>() == true,
            modules)
        {
            Where = section.Locations,
        };
    }

    private static string? Resolve(string? path, string directory) => path is null ? null : Path.GetFullPath(path, directory);
}
