using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Ec2.Publishing;

/// <summary>What ec2_publish asks of a publication after RegisterImage: the regions to copy to, public launch permission, the manifest's place.</summary>
public sealed record AmiPublishing(IReadOnlyList<string> Regions, bool Public, string? ManifestUrl)
{
    public JObject ToJson() => new()
    {
        ["regions"] = new JArray(Regions),
        ["public"] = Public,
        ["manifest_url"] = ManifestUrl,
    };

    public static AmiPublishing From(JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new AmiPublishing(
            data["regions"] is JArray regions ? [.. regions.Select(r => (string)r!)] : [],
            data["public"]?.Value<bool>() == true,
            (string?)data["manifest_url"]);
    }
}
