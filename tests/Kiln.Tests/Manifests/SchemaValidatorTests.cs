using Kiln.Builds;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class SchemaValidatorTests
{
    [Fact]
    public void A_valid_manifest_has_no_errors()
    {
        Validate(TestManifests.Minimal).ShouldBeEmpty();
    }

    [Fact]
    public void Every_error_is_listed_sorted_by_line()
    {
        var errors = Validate("""
            name: test
            provider:
              name: kvm
            bootstrapper:
              tool: cdebootstrap
            system:
              release: bookworm
              bootloader: lilo
            volume:
              partitions:
                type: msdos
                root:
                  filesystem: ext4
                  size: 2XB
            """);

        errors.Select(e => $"{e.Location.Line}:{e.Location.Column}").ShouldBe(["5:9", "8:15", "14:13"]);
    }

    [Fact]
    public void Errors_from_several_schema_parts_are_merged_in_line_order_without_duplicates()
    {
        var document = TestManifests.Document("""
            name: test
            provider:
              name: kvm
              colour: blue
            bootstrapper: {}
            system:
              release: bookworm
            volume:
              backing: vdi
              partitions:
                type: msdos
                root: {filesystem: ext4, size: 2GiB}
            plugins:
              root_password: {password: 7}
            """);
        var kvm = TestManifests.Registry.FindProvider("kvm")!.Schema!;
        var plugin = TestManifests.Registry.FindPlugin("root_password")!.Schema!;

        var errors = SchemaValidator.Validate(document, [ManifestReader.Core, kvm, plugin, kvm]);

        errors.Select(e => e.Location.Line).ShouldBe([4, 9, 14]);
    }

    private static IReadOnlyList<ManifestError> Validate(string yaml) => SchemaValidator.Validate(TestManifests.Document(yaml, "m.yml"), [ManifestReader.Core]);
}
