using Kiln.Builds;
using Kiln.Extensions;
using Kiln.Manifests;

namespace Kiln.Cli.Commands;

/// <summary>Reads the manifest a command was given, or the built-in default when it was given none.</summary>
public static class ManifestSource
{
    public static Manifest Read(string? path, ExtensionRegistry registry)
    {
        var reader = new ManifestReader(registry);
        var document = path is null
            ? ManifestLoader.LoadText(DefaultManifest.Text, DefaultManifest.DisplayName)
            : ManifestLoader.LoadFile(path);
        return reader.Read(document, DateTimeOffset.UtcNow);
    }
}
