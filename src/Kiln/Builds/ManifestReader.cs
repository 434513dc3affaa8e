using Kiln.Extensions;
using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Builds;

/// <summary>
/// Reads and checks a manifest completely: syntax, the core schema, the provider's and plugins' schema
/// parts, then the semantic checks of all three. Every problem found at a stage is reported together.
/// </summary>
public sealed class ManifestReader(ExtensionRegistry registry)
{
    private static readonly Lazy<ManifestSchema> CoreSchema = new(() =>
        ManifestSchema.FromResource("core", typeof(ManifestReader).Assembly, "Manifests/manifest-schema.yml"));

    public static ManifestSchema Core => CoreSchema.Value;

    public Manifest Read(string path, DateTimeOffset buildTime) => Read(ManifestLoader.LoadFile(path), buildTime);

    public Manifest Read(ManifestDocument document, DateTimeOffset buildTime)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<ManifestError>(SchemaValidator.Validate(document, [Core]));
        var extensions = FindExtensions(document, errors);
        errors.AddRange(SchemaValidator.Validate(document, extensions.Select(e => e.Schema).OfType<ManifestSchema>()));
        ThrowIfAny(errors);

        var manifest = ManifestBinder.Bind(document, buildTime, errors);
        errors.AddRange(CoreSemantics.Check(manifest));
        foreach (var extension in extensions)
        {
            errors.AddRange(extension.Validate(manifest));
        }

        ThrowIfAny(errors);
        return manifest;
    }

    /// <summary>The provider and plugins the manifest names; unknown names are errors that list the known ones.</summary>
    private List<IManifestExtension> FindExtensions(ManifestDocument document, List<ManifestError> errors)
    {
        var extensions = new List<IManifestExtension>();
        if (document.Root.SelectToken("provider.name") is JValue { Value: string providerName } providerToken)
        {
            if (registry.FindProvider(providerName) is { } provider)
            {
                extensions.Add(provider);
            }
            else
            {
                errors.Add(document.ErrorAt(providerToken, $"unknown provider `{providerName}`; available: {string.Join(", ", registry.Providers.Select(p => p.Name).Order(StringComparer.Ordinal))}"));
            }
        }

        if (document.Root.SelectToken("plugins") is JObject plugins)
        {
            foreach (var property in plugins.Properties())
            {
                if (registry.FindPlugin(property.Name) is { } plugin)
                {
                    extensions.Add(plugin);
                }
                else
                {
                    errors.Add(document.ErrorAt(property, $"unknown plugin `{property.Name}`; available: {string.Join(", ", registry.Plugins.Select(p => p.Name).Order(StringComparer.Ordinal))}"));
                }
            }
        }

        return extensions;
    }

    private static void ThrowIfAny(List<ManifestError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ManifestException([.. errors.Distinct().OrderBy(e => e.Location.File, StringComparer.Ordinal).ThenBy(e => e.Location.Line).ThenBy(e => e.Location.Column)]);
        }
    }
}
