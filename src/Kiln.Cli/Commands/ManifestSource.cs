using Kiln.Builds;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;

namespace Kiln.Cli.Commands;

/// <summary>Reads and resolves the manifest a command was given, or the built-in default when it was given none.</summary>
public static class ManifestSource
{
    public static BuildSpec Read(string? path, ExtensionRegistry registry, ResolveOptions? options = null)
    {
        var reader = new ManifestReader(registry);
        var document = path is null
            ? ManifestLoader.LoadText(DefaultManifest.Text, DefaultManifest.DisplayName)
            : ManifestLoader.LoadFile(path);
        var epoch = SourceDateEpoch.ParseVariable(Environment.GetEnvironmentVariable(SourceDateEpoch.VariableName));
        return reader.Read(document, DateTimeOffset.UtcNow, (options ?? new ResolveOptions()) with { SourceDateEpoch = epoch });
    }
}
