using Kiln.Builds;
using Kiln.Extensions;
using Kiln.Manifests;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

/// <summary>
/// The merged schema of <c>kiln schema</c>, as a JSON Schema validator that knows nothing of Kiln sees it: it accepts
/// every example manifest and refuses broken ones.
/// </summary>
public sealed class EditorSchemaTests
{
    private static readonly Lazy<JsonSchema> Merged = new(() =>
    {
        var registry = ExtensionRegistry.CreateDefault();
        registry.AddPlugin(new Kiln.Samples.Motd.MotdPlugin(), "samples/plugins/motd");
        var document = EditorSchema.Create(ManifestReader.Core, registry.Providers.Select(p => (p.Name, p.Schema)), registry.Plugins.Select(p => (p.Name, p.Schema)));

        // Through text, as an editor reads it.
        return JsonSchema.FromJsonAsync(document.ToString()).GetAwaiter().GetResult();
    });

    public static TheoryData<string> Examples() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(Repository.ManifestsDirectory, "examples"), "*.yml", SearchOption.AllDirectories)
            .Append(Path.Combine(Repository.ManifestsDirectory, "default.yml"))
            .Select(path => Path.GetRelativePath(Repository.ManifestsDirectory, path))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_manifest_is_valid(string example)
    {
        var tree = ManifestLoader.LoadFile(Path.Combine(Repository.ManifestsDirectory, example)).Root;

        Merged.Value.Validate(tree.ToString()).Select(e => e.ToString()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("unknown key", "  release: bookworm", "  release: bookworm\n  colour: blue")]
    [InlineData("core enum", "type: msdos", "type: dos")]
    [InlineData("provider's enum", "backing: raw", "backing: vmdk")]
    [InlineData("unknown provider", "  name: kvm", "  name: vmware")]
    [InlineData("unknown plugin", "plugins: {}", "plugins: {clod_init: {}}")]
    [InlineData("plugin option", "plugins: {}", "plugins: {root_password: {password: 3}}")]
    [InlineData("missing key", "  release: bookworm", "  relase: bookworm")]
    public void A_broken_manifest_is_refused(string mistake, string valid, string broken)
    {
        var yaml = TestManifests.Minimal + "\nplugins: {}\n";
        yaml.ShouldContain(valid);
        var tree = ManifestLoader.LoadText(yaml.Replace(valid, broken, StringComparison.Ordinal), "m.yml").Root;

        Merged.Value.Validate(tree.ToString()).ShouldNotBeEmpty(mistake);
    }

    [Fact]
    public void The_plain_manifest_the_broken_ones_come_from_is_valid() =>
        Merged.Value.Validate(ManifestLoader.LoadText(TestManifests.Minimal + "\nplugins: {}\n", "m.yml").Root.ToString()).ShouldBeEmpty();

    [Fact]
    public void References_of_every_part_point_at_its_own_definitions()
    {
        var registry = ExtensionRegistry.CreateDefault();
        var document = EditorSchema.Create(ManifestReader.Core, registry.Providers.Select(p => (p.Name, p.Schema)), registry.Plugins.Select(p => (p.Name, p.Schema)));
        var definitions = (JObject)document["definitions"]!;
        var references = document.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref").Select(p => (string)p.Value!).ToList();

        references.ShouldNotBeEmpty();
        foreach (var reference in references)
        {
            definitions[reference["#/definitions/".Length..]].ShouldNotBeNull(reference);
        }
    }
}
