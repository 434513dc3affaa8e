using Kiln.Builds;
using Kiln.Manifests;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class ManifestSchemaTests
{
    /// <summary>Keywords NJsonSchema 10.7.2 silently ignores: a schema using them checks less than it says.</summary>
    private static readonly string[] IgnoredKeywords = ["const", "if", "then", "else", "$defs"];

    /// <summary>Objects whose keys are names chosen by the schema author, not keywords.</summary>
    private static readonly string[] NameMaps = ["properties", "patternProperties", "definitions"];

    public static TheoryData<string> SchemaResources() => [.. EmbeddedSchemaNames()];

    [Fact]
    public void The_core_provider_and_plugin_schemas_are_embedded()
    {
        // Plugins keep arriving, each with its schema under Plugins/: these are the ones that must always be there.
        string[] required = ["Manifests/manifest-schema.yml", "Plugins/Hooks/manifest-schema.yml", "Plugins/RootPassword/manifest-schema.yml", "Providers/Kvm/manifest-schema.yml", "Providers/VirtualBox/manifest-schema.yml", "Providers/Docker/manifest-schema.yml"];
        string[] providers = ["Providers/Azure/manifest-schema.yml", "Providers/Ec2/manifest-schema.yml", "Providers/Gce/manifest-schema.yml", "Providers/Oracle/manifest-schema.yml"];
        required.ShouldBeSubsetOf(EmbeddedSchemaNames());
        EmbeddedSchemaNames().ShouldAllBe(name => name.StartsWith("Plugins/", StringComparison.Ordinal) || required.Contains(name) || providers.Contains(name));
    }

    [Theory]
    [MemberData(nameof(SchemaResources))]
    public void An_embedded_schema_uses_only_draft_04_keywords_njsonschema_understands(string resource)
    {
        var tree = YamlManifestParser.Parse(EmbeddedResources.ReadText(typeof(ManifestReader).Assembly, resource), resource);

        KeywordsUsed(tree).Where(IgnoredKeywords.Contains).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SchemaResources))]
    public void An_embedded_schema_loads(string resource)
    {
        var schema = ManifestSchema.FromResource(resource, typeof(ManifestReader).Assembly, resource);

        schema.Name.ShouldBe(resource);
        schema.Schema.Type.ShouldBe(NJsonSchema.JsonObjectType.Object);
        schema.Schema.Properties.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_keyword_check_finds_a_const_but_not_a_property_named_if()
    {
        var tree = YamlManifestParser.Parse("""
            type: object
            properties:
              if: {type: string}
              mode: {const: fast}
            """, "probe.yml");

        KeywordsUsed(tree).Where(IgnoredKeywords.Contains).ShouldBe(["const"]);
    }

    [Fact]
    public void An_embedded_part_is_read_when_it_is_first_used_not_when_it_is_named()
    {
        // kiln doctor names every plugin's part and uses none of them.
        var part = ManifestSchema.FromResource("plugin absent", typeof(ManifestReader).Assembly, "Plugins/Absent/manifest-schema.yml");

        part.Name.ShouldBe("plugin absent");
        var error = Record.Exception(() => part.Schema);
        error.ShouldNotBeNull();
        error.Message.ShouldContain("Plugins/Absent/manifest-schema.yml");
    }

    [Fact]
    public void An_embedded_part_is_parsed_once()
    {
        var part = ManifestSchema.FromResource("provider kvm", typeof(ManifestReader).Assembly, "Providers/Kvm/manifest-schema.yml");

        part.Schema.ShouldBeSameAs(part.Schema);
        part.Document.ShouldBeSameAs(part.Document);
        part.Document["properties"].ShouldNotBeNull();
    }

    private static IEnumerable<string> EmbeddedSchemaNames() =>
        EmbeddedResources.List(typeof(ManifestReader).Assembly, string.Empty).Where(name => name.EndsWith("manifest-schema.yml", StringComparison.Ordinal));

    private static IEnumerable<string> KeywordsUsed(JToken token)
    {
        switch (token)
        {
            case JObject schema:
                foreach (var property in schema.Properties())
                {
                    yield return property.Name;
                    var children = NameMaps.Contains(property.Name) && property.Value is JObject names ? names.Properties().Select(p => p.Value) : [property.Value];
                    foreach (var keyword in children.SelectMany(KeywordsUsed))
                    {
                        yield return keyword;
                    }
                }

                break;
            case JArray array:
                foreach (var keyword in array.SelectMany(KeywordsUsed))
                {
                    yield return keyword;
                }

                break;
        }
    }
}
