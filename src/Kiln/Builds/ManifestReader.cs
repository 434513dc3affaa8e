using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Builds;

/// <summary>
/// Reads and checks a manifest completely and resolves it: syntax, the core schema, the provider's and
/// plugins' schema parts, the resolve step (settings, platform, layout, outputs), then the semantic checks of
/// the core and every extension. Every problem found at a stage is reported together.
/// </summary>
public sealed class ManifestReader(ExtensionRegistry registry)
{
    private static readonly Lazy<ManifestSchema> CoreSchema = new(() =>
        ManifestSchema.FromResource("core", typeof(ManifestReader).Assembly, "Manifests/manifest-schema.yml"));

    public static ManifestSchema Core => CoreSchema.Value;

    public BuildSpec Read(string path, DateTimeOffset buildTime) => Read(ManifestLoader.LoadFile(path), buildTime, new ResolveOptions());

    public BuildSpec Read(ManifestDocument document, DateTimeOffset buildTime, ResolveOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<ManifestError>();
        var extensions = FindExtensions(document, errors);
        errors.AddRange(SchemaValidator.Validate(document, [Core, .. extensions.Select(e => e.Schema).OfType<ManifestSchema>()]));
        if (errors.Count > 0)
        {
            // The spec cannot be resolved from a manifest the schemas refused, but the checks that need only its
            // text still run: one pass shows every mistake.
            errors.AddRange(CoreSemantics.CheckDocument(document));
            ThrowIfAny(errors);
        }

        // The layout is computed while resolving: it needs a root, and each mount point once.
        errors.AddRange(VolumeStructure.Check(document));
        ThrowIfAny(errors);

        var spec = SpecResolver.Resolve(document, registry, buildTime, options, errors);
        errors.AddRange(CoreSemantics.Check(spec, document));
        foreach (var extension in extensions)
        {
            errors.AddRange(extension.Validate(spec));
        }

        ThrowIfAny(errors);
        return spec;
    }

    /// <summary>The provider and plugins the manifest names; unknown names are errors that say what was meant or why it is missing.</summary>
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
                var known = registry.Providers.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var message = UnsupportedInput.Providers.TryGetValue(providerName, out var why)
                    ? $"provider `{providerName}` is not available: {why}"
                    : $"unknown provider `{providerName}`{ClosestName.Suggestion(providerName, known)}";
                errors.Add(document.ErrorAt(providerToken, message) with { Hint = $"available: {string.Join(", ", known)}" });
            }
        }

        if (document.Root.SelectToken("plugins") is JObject plugins)
        {
            foreach (var property in plugins.Properties())
            {
                if (registry.FindPlugin(property.Name) is { } plugin)
                {
                    extensions.Add(plugin);
                    continue;
                }

                var known = registry.Plugins.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var error = UnsupportedInput.Plugins.TryGetValue(property.Name, out var why)
                    ? document.ErrorAt(property, $"plugin `{property.Name}` is not available: {why}")
                    : ClosestName.Find(property.Name, known) is { } closest
                        ? document.ErrorAt(property, $"unknown plugin `{property.Name}`; did you mean `{closest}`?")
                        : document.ErrorAt(property, $"unknown plugin `{property.Name}`; a plugin of your own is loaded with --plugin-path DIR or {PluginAssemblies.EnvironmentVariable}");
                errors.Add(error with { Hint = $"available: {string.Join(", ", known)}" });
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
