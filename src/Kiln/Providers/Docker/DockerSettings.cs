using Kiln.Manifests;
using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Docker;

/// <summary>The docker provider's settings: bootstrap-vz's <c>labels</c> (manifest-value templates) and <c>dockerfile</c> instructions.</summary>
public sealed record DockerSettings(IReadOnlyList<KeyValuePair<string, string>>? Labels, IReadOnlyList<string> Dockerfile)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    /// <summary>Where the manifest's <c>name</c> is written: the image's repository and tag come from it.</summary>
    public SourceLocation NameLocation { get; init; } = SourceMap.None.Section;

    public static DockerSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var labels = settings["labels"] is JObject written
            ? written.Properties().Select(p => new KeyValuePair<string, string>(p.Name, (string)p.Value!)).ToList()
            : null;
        var dockerfile = settings["dockerfile"] is JArray lines ? lines.Select(l => (string)l!).ToList() : [];
        return new DockerSettings(labels, dockerfile) { Where = section.Locations, NameLocation = section.LocationInManifest("name") };
    }
}
