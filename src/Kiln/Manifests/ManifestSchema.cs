using System.Reflection;
using NJsonSchema;

namespace Kiln.Manifests;

/// <summary>One schema part (core, a provider or a plugin), loaded from a draft-04 YAML file embedded next to its code.</summary>
public sealed class ManifestSchema
{
    private ManifestSchema(string name, JsonSchema schema)
    {
        Name = name;
        Schema = schema;
    }

    /// <summary>Who contributed the part, e.g. "core", "provider kvm", "plugin root_password".</summary>
    public string Name { get; }

    public JsonSchema Schema { get; }

    public static ManifestSchema FromResource(string name, Assembly assembly, string relativePath) =>
        FromYaml(name, EmbeddedResources.ReadText(assembly, relativePath), relativePath);

    public static ManifestSchema FromYaml(string name, string yaml, string origin)
    {
        var tree = YamlManifestParser.Parse(yaml, origin);
        var schema = JsonSchema.FromJsonAsync(tree.ToString()).GetAwaiter().GetResult();
        return new ManifestSchema(name, schema);
    }
}
