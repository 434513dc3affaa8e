using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>A parsed manifest file: the value tree with line and column for every value.</summary>
public sealed class ManifestDocument(string path, JToken root)
{
    public string Path { get; } = path;

    /// <summary>The directory relative paths in the manifest are resolved against.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? "/";

    public JToken Root { get; } = root;

    /// <summary>The text the document was read from, for checks that point inside a multi-line value (null when unknown).</summary>
    public string? SourceText { get; init; }

    public SourceLocation LocationOf(JToken? token)
    {
        // A property's own position is its key; for values we report where the value starts.
        if (token is IJsonLineInfo info && info.HasLineInfo())
        {
            return new SourceLocation(Path, info.LineNumber, info.LinePosition);
        }

        return token?.Parent is null ? new SourceLocation(Path, 1, 1) : LocationOf(token.Parent);
    }

    /// <summary>The location of the value at a dotted path such as <c>volume.partitions</c>, or of its closest existing parent.</summary>
    public SourceLocation LocationOf(params string[] path)
    {
        JToken? token = Root;
        foreach (var segment in path)
        {
            var next = token is JObject obj ? obj[segment] : null;
            if (next is null)
            {
                break;
            }

            token = next;
        }

        return LocationOf(token);
    }

    public ManifestError ErrorAt(JToken? token, string message) => new(LocationOf(token), message) { Path = PathOf(token) };

    /// <summary>A token's place as users write keys: <c>volume.partitions.var/tmp.size</c>.</summary>
    public static string PathOf(JToken? token) => token is null ? string.Empty : ValidationMessages.Readable(token.Path);
}
