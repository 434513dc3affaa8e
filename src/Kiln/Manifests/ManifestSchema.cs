using System.Reflection;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Kiln.Manifests;

/// <summary>
/// One schema part (core, a provider or a plugin), loaded from a draft-04 YAML file embedded next to its code.
/// An embedded part is parsed when it is first used: commands that read no manifest (doctor, boot, test) do not
/// pay for every plugin's schema.
/// </summary>
public sealed class ManifestSchema
{
    private readonly Lazy<(JsonSchema Schema, JObject Document)> _parsed;

    private ManifestSchema(string name, Func<(JsonSchema Schema, JObject Document)> parse)
    {
        Name = name;
        _parsed = new Lazy<(JsonSchema Schema, JObject Document)>(parse);
    }

    /// <summary>Who contributed the part, e.g. "core", "provider kvm", "plugin root_password".</summary>
    public string Name { get; }

    public JsonSchema Schema => _parsed.Value.Schema;

    /// <summary>The part as a JSON tree, as written (for the merged schema editors read).</summary>
    public JObject Document => _parsed.Value.Document;

    public static ManifestSchema FromResource(string name, Assembly assembly, string relativePath) =>
        new(name, () => Parse(EmbeddedResources.ReadText(assembly, relativePath), relativePath));

    public static ManifestSchema FromYaml(string name, string yaml, string origin)
    {
        var parsed = Parse(yaml, origin);
        return new ManifestSchema(name, () => parsed);
    }

    private static (JsonSchema Schema, JObject Document) Parse(string yaml, string origin)
    {
        var tree = YamlManifestParser.Parse(yaml, origin);
        var schema = JsonSchema.FromJsonAsync(tree.ToString()).GetAwaiter().GetResult();
        return (schema, (JObject)tree);
    }
}
