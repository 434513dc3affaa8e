using System.Text;
using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>Reads a manifest file (YAML, or JSON with comments) into a <see cref="ManifestDocument"/>.</summary>
public static class ManifestLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ManifestDocument LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new UserInputException($"{path}: is a directory; give the path of a manifest file (.yml, .yaml or .json)");
        }

        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: no such manifest file");
        }

        return LoadBytes(File.ReadAllBytes(path), path);
    }

    public static ManifestDocument LoadBytes(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw NotText(path);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw NotText(path);
        }

        return LoadText(text.TrimStart('\uFEFF'), path);
    }

    public static ManifestDocument LoadText(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0 || IsOnlyComments(text))
        {
            throw new ManifestException(new ManifestError(new SourceLocation(path, 1, 1), "the manifest is empty; it must be a mapping with at least name, provider, bootstrapper, system and volume"));
        }

        JToken root = IsJson(path) ? JsonManifestParser.Parse(text, path) : YamlManifestParser.Parse(text, path);
        return new ManifestDocument(path, root) { SourceText = text };
    }

    private static bool IsJson(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static bool IsOnlyComments(string text) =>
        text.Split('\n').Select(line => line.Trim()).All(line => line.Length == 0 || line.StartsWith('#') || line == "---" || line == "...");

    private static ManifestException NotText(string path) =>
        new(new ManifestError(new SourceLocation(path, 1, 1), "this is not a text file; a manifest is UTF-8 YAML or JSON"));
}
