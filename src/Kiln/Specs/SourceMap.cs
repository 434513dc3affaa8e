using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Specs;

/// <summary>
/// Where each value of a manifest section was written, recorded when the section is bound, so checks after
/// binding point at the manifest text without reading the tree again. Paths are relative to the section:
/// <c>metadata_sources</c>, <c>enable_modules.init[0].module</c>; an unknown path falls back to its nearest
/// recorded parent.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation> _keys = new(StringComparer.Ordinal);

    private SourceMap(SourceLocation section)
    {
        Section = section;
        SectionKey = section;
    }

    /// <summary>Where the section itself starts (its value, or its closest existing parent when it is absent).</summary>
    public SourceLocation Section { get; }

    /// <summary>Where the section's key is written (<c>cloud_init:</c>); a block mapping's own position would be its first entry's line.</summary>
    public SourceLocation SectionKey { get; private init; }

    /// <summary>A map that knows no locations (settings made in code, not read from a manifest).</summary>
    public static SourceMap None { get; } = new(new SourceLocation("manifest", 0, 0));

    public static SourceMap Empty(SourceLocation at) => new(at);

    /// <summary>Records the location of every value below <paramref name="value"/>.</summary>
    public static SourceMap Of(ManifestDocument document, JToken? value, SourceLocation fallback, SourceLocation? key = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var at = value is null ? fallback : document.LocationOf(value);
        var map = new SourceMap(at) { SectionKey = key ?? at };
        if (value is not null)
        {
            map.Walk(document, value, string.Empty);
        }

        return map;
    }

    /// <summary>The location of the value at <paramref name="path"/>, or of its nearest recorded parent.</summary>
    public SourceLocation Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var current = path; ; current = Parent(current))
        {
            if (current.Length == 0)
            {
                return Section;
            }

            if (_values.TryGetValue(current, out var location))
            {
                return location;
            }
        }
    }

    /// <summary>The location of the key at <paramref name="path"/> (of a mapping entry), else of its value.</summary>
    public SourceLocation KeyOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _keys.TryGetValue(path, out var location) ? location : Of(path);
    }

    public ManifestError ErrorAt(string path, string message) => new(Of(path), message);

    private void Walk(ManifestDocument document, JToken token, string path)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    _keys[child] = document.LocationOf(property);
                    _values[child] = document.LocationOf(property.Value);
                    Walk(document, property.Value, child);
                }

                break;
            case JArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    var child = $"{path}[{index}]";
                    _values[child] = document.LocationOf(array[index]);
                    Walk(document, array[index], child);
                }

                break;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? string.Empty : path[..cut];
    }
}
