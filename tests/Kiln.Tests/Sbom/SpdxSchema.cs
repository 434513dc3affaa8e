using Kiln.Manifests;
using NJsonSchema;

namespace Kiln.Tests.Sbom;

/// <summary>The local SPDX 2.3 JSON Schema (<c>spdx-2.3.schema.yml</c>, written from the specification), loaded once.</summary>
public static class SpdxSchema
{
    public const string FileName = "spdx-2.3.schema.yml";

    private static readonly Lazy<JsonSchema> Loaded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Sbom", FileName);
        return ManifestSchema.FromYaml("spdx-2.3", File.ReadAllText(path), path).Schema;
    });

    public static JsonSchema Schema => Loaded.Value;

    /// <summary>The schema's complaints about <paramref name="json"/>, as <c>path: kind</c> lines (none for a valid document).</summary>
    public static IReadOnlyList<string> Errors(string json) =>
        [.. Schema.Validate(json).Select(e => $"{e.Path}: {e.Kind}")];
}
