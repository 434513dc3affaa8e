using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Publishing;

/// <summary>What a publication left in the cloud (the upload, the snapshot, the registered image), written beside the image as <c>NAME.published.json</c>.</summary>
public sealed record PublicationResult(string Cloud, IReadOnlyList<PublishedItem> Items)
{
    public const string Extension = ".published.json";

    public string ToJson() => new JObject
    {
        ["cloud"] = Cloud,
        ["items"] = new JArray(Items.Select(item => new JObject { ["kind"] = item.Kind, ["id"] = item.Id, ["location"] = item.Location })),
    }.ToString(Formatting.Indented) + "\n";
}
