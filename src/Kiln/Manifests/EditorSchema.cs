using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>
/// The one JSON Schema of every manifest Kiln accepts, for editors (yaml-language-server) and other validators:
/// the core part, every plugin's part, and each provider's part when <c>provider.name</c> names it. Each part's
/// definitions move to the top with the part's name in front, so that its references still hold. Pure.
/// </summary>
public static class EditorSchema
{
    private const string DefinitionsPrefix = "#/definitions/";

    public static JObject Create(ManifestSchema core, IEnumerable<(string Name, ManifestSchema? Schema)> providers, IEnumerable<(string Name, ManifestSchema? Schema)> plugins)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(plugins);
        var definitions = new JObject();
        var parts = new JArray { Part("core", core.Document, definitions) };
        var pluginList = plugins.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var pluginNames = new JObject();
        foreach (var (name, schema) in pluginList)
        {
            pluginNames[name] = new JObject();
            if (schema is not null)
            {
                parts.Add(Part($"plugin-{name}", schema.Document, definitions));
            }
        }

        // Only known plugins: the core alone lets any name through to the check that lists the known ones.
        parts.Add(new JObject
        {
            ["properties"] = new JObject { ["plugins"] = new JObject { ["properties"] = pluginNames, ["additionalProperties"] = false } },
        });

        var choices = new JArray();
        foreach (var (name, schema) in providers.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var named = new JObject
            {
                ["properties"] = new JObject
                {
                    ["provider"] = new JObject { ["properties"] = new JObject { ["name"] = new JObject { ["enum"] = new JArray(name) } } },
                },
            };
            choices.Add(new JObject { ["allOf"] = schema is null ? new JArray(named) : new JArray(named, Part($"provider-{name}", schema.Document, definitions)) });
        }

        parts.Add(new JObject { ["anyOf"] = choices });
        return new JObject
        {
            ["$schema"] = "http://json-schema.org/draft-04/schema#",
            ["title"] = "Kiln manifest",
            ["description"] = "A Kiln (bootstrap-vz format) image manifest: the core keys, every provider's and every plugin's.",
            ["allOf"] = parts,
            ["definitions"] = definitions,
        };
    }

    private static JObject Part(string prefix, JObject document, JObject definitions)
    {
        var part = (JObject)document.DeepClone();
        part.Remove("$schema");
        if (part["definitions"] is JObject own)
        {
            part.Remove("definitions");
            foreach (var definition in own.Properties())
            {
                definitions[$"{prefix}.{definition.Name}"] = definition.Value;
            }
        }

        var references = part.DescendantsAndSelf().OfType<JProperty>()
            .Concat(definitions.Properties().Where(d => d.Name.StartsWith(prefix + ".", StringComparison.Ordinal)).SelectMany(d => d.Value is JContainer container ? container.DescendantsAndSelf().OfType<JProperty>() : []))
            .Where(p => p.Name == "$ref" && p.Value is JValue { Value: string target } && target.StartsWith(DefinitionsPrefix, StringComparison.Ordinal) && !target.StartsWith(DefinitionsPrefix + prefix + ".", StringComparison.Ordinal))
            .ToList();
        foreach (var reference in references)
        {
            reference.Value = DefinitionsPrefix + prefix + "." + ((string)reference.Value!)[DefinitionsPrefix.Length..];
        }

        return part;
    }
}
