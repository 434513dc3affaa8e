using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Publishing;

/// <summary>
/// Something a publication made in a cloud (an uploaded object, a snapshot, an image), as the journal records it:
/// enough for <c>kiln clean</c> to delete it once the publication's process is gone. It names the region and
/// endpoint it was made at, never a credential.
/// </summary>
public sealed record CloudResource(string Cloud, string Kind, IReadOnlyDictionary<string, string> Properties)
{
    public string this[string key] => Properties.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"the {Cloud} {Kind} record has no {key}");

    public string? Find(string key) => Properties.GetValueOrDefault(key);

    /// <summary>One line of JSON (no tabs or newlines), the journal's path field for a <c>cloud</c> acquisition.</summary>
    public string ToJournalText()
    {
        var data = new JObject { ["cloud"] = Cloud, ["kind"] = Kind };
        foreach (var (key, value) in Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data[key] = value;
        }

        return data.ToString(Formatting.None);
    }

    public static CloudResource? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var data = JObject.Parse(text);
            var properties = data.Properties().Where(p => p.Name is not "cloud" and not "kind").ToDictionary(p => p.Name, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal);
            return data["cloud"] is JValue { Value: string cloud } && data["kind"] is JValue { Value: string kind } ? new CloudResource(cloud, kind, properties) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() => $"{Cloud} {Kind} {string.Join(' ', Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";
}
