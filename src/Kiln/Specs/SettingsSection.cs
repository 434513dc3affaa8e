using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Specs;

/// <summary>
/// One extension's part of the manifest (<c>provider</c>, or <c>plugins.NAME</c>) while it is bound to a typed
/// settings record: the value, the manifest's directory for relative paths, and the locations of its values.
/// Only binding reads the tree; everything after it reads the record.
/// </summary>
public sealed class SettingsSection
{
    private readonly ManifestDocument _document;

    public SettingsSection(ManifestDocument document, JToken? value, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        _document = document;
        Value = value is { Type: JTokenType.Null } ? null : value;
        Path = path;
        var written = value ?? ClosestExisting(document.Root, path);
        var key = value?.Parent is JProperty property ? document.LocationOf(property) : (SourceLocation?)null;
        Locations = SourceMap.Of(document, Value, document.LocationOf(written), key);
    }

    /// <summary>The dotted path of the section in the manifest, e.g. <c>plugins.cloud_init</c>.</summary>
    public string Path { get; }

    /// <summary>The section's value, or null when the manifest has none (or a YAML null).</summary>
    public JToken? Value { get; }

    /// <summary>The section as a mapping (empty when it is absent or not a mapping).</summary>
    public JObject Object => Value as JObject ?? [];

    /// <summary>The directory relative paths in the manifest are resolved against.</summary>
    public string ManifestDirectory => _document.Directory;

    /// <summary>The manifest's text, for checks that point inside a multi-line value (null when unknown).</summary>
    public string? SourceText => _document.SourceText;

    /// <summary>The manifest file's path, as errors name it.</summary>
    public string File => _document.Path;

    public SourceMap Locations { get; }

    /// <summary>A path from the manifest made absolute against the manifest's directory.</summary>
    public string FullPath(string relative) => System.IO.Path.GetFullPath(relative, ManifestDirectory);

    /// <summary>Where a value elsewhere in the manifest is written (<c>volume</c>, <c>backing</c>), or its closest written parent: for providers whose rules cover core keys.</summary>
    public SourceLocation LocationInManifest(params string[] path) => _document.LocationOf(path);

    /// <summary>The location of a token inside the section (for binders that walk multi-line values).</summary>
    public SourceLocation LocationOf(JToken token) => _document.LocationOf(token);

    private static JToken ClosestExisting(JToken root, string path)
    {
        var token = root;
        foreach (var segment in path.Split('.'))
        {
            if (token is not JObject obj || obj[segment] is not { } next)
            {
                break;
            }

            token = next;
        }

        return token;
    }
}
