using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Ec2Publish;

/// <summary>The ec2_publish plugin's settings: bootstrap-vz's regions, public and manifest_url.</summary>
public sealed record Ec2PublishSettings
{
    public IReadOnlyList<string> Regions { get; init; } = [];

    public bool Public { get; init; }

    /// <summary>An s3:// URL, or a local path made absolute against the manifest's directory.</summary>
    public string? ManifestUrl { get; init; }

    public SourceMap Where { get; init; } = SourceMap.None;

    public static Ec2PublishSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new Ec2PublishSettings
        {
            Regions = settings["regions"] is JArray regions ? [.. regions.Select(r => (string)r!)] : [],
            Public = settings["public"] is JValue { Value: true },
            ManifestUrl = (string?)settings["manifest_url"] is { } url && !url.StartsWith("s3://", StringComparison.Ordinal) ? section.FullPath(url) : (string?)settings["manifest_url"],
            Where = section.Locations,
        };
    }
}
