using Kiln.Manifests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Specs;

/// <summary>
/// The manifest's values as data, with Kiln's defaults filled in and the image name rendered: what name-style
/// templates (<c>{system.release}</c>) and script hooks see. A private copy taken at resolve; never the tree
/// the manifest was validated from.
/// </summary>
public sealed class ManifestValues
{
    private readonly JObject _data;
    private readonly JObject _written;

    private ManifestValues(JObject data, JObject written)
    {
        _data = data;
        _written = written;
    }

    public static ManifestValues From(JObject root, string renderedName)
    {
        ArgumentNullException.ThrowIfNull(root);
        var written = (JObject)root.DeepClone();
        written["name"] = renderedName;
        return new ManifestValues(ManifestBinder.WithDefaults(root), written);
    }

    /// <summary>Fills in <c>{a.b}</c> and <c>{%Y}</c> fields as image names do, with extra top-level fields (e.g. <c>root</c>).</summary>
    public string Render(string template, DateTimeOffset time, IReadOnlyDictionary<string, string> extra, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var data = (JObject)_data.DeepClone();
        foreach (var (key, value) in extra)
        {
            data[key] = value;
        }

        return NameTemplate.Render(template, data, time, problems);
    }

    /// <summary>The manifest as written (no defaults added), as one line of JSON, with the name rendered and the release given as <paramref name="codename"/>.</summary>
    public string ToJson(string codename)
    {
        var data = (JObject)_written.DeepClone();
        if (data["system"] is JObject system)
        {
            system["release"] = codename;
        }

        return data.ToString(Formatting.None);
    }
}
