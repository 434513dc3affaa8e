using Kiln.Builds;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class ValidationMessagesTests
{
    [Fact]
    public void An_unknown_key_lists_the_allowed_keys()
    {
        var errors = ErrorsOf("""
            system:
              relase: bookworm
            """);

        errors.ShouldBe(
        [
            "m.yml:12:3: unknown key `relase` in `system`; did you mean `release`? (it is required)\n    allowed: release, architecture, userspace_architecture, bootloader, firmware, secure_boot, charmap, locale, timezone, hostname",
        ]);
    }

    [Fact]
    public void An_unknown_top_level_key_lists_the_top_level_keys()
    {
        var error = SingleError("""
            system:
              release: bookworm
            extra: 1
            """);

        error.ShouldBe("m.yml:13:1: unknown key `extra` at the top level\n    allowed: name, provider, bootstrapper, system, packages, volume, plugins, tags");
    }

    [Fact]
    public void A_value_outside_an_enumeration_lists_the_allowed_values()
    {
        var error = SingleError("""
            system:
              release: bookworm
              bootloader: lilo
            """);

        error.ShouldBe("m.yml:13:15: `lilo` is not allowed for `system.bootloader`\n    allowed: grub, extlinux, pvgrub, systemd-boot, none (the boot chain; systemd-boot needs firmware uefi and trixie or later)");
    }

    [Fact]
    public void A_bad_size_mentions_what_a_size_looks_like()
    {
        var error = SingleError("""
            system:
              release: bookworm
            """, rootSize: "2XB");

        error.ShouldBe("m.yml:10:13: `2XB` is not valid for `volume.partitions.root.size`; expected a size such as 512MiB or 8GiB (KB, MB, GB and TB mean KiB, MiB, GiB and TiB)");
    }

    [Fact]
    public void A_wrong_type_names_the_expected_type_and_the_value_found()
    {
        var error = SingleError("""
            system:
              release: 3
            """);

        error.ShouldBe("m.yml:12:12: `system.release` must be a string, not the number `3` (a Debian codename (wheezy ... forky, sid) or suite (stable, testing, oldstable, unstable))");
    }

    [Fact]
    public void A_boolean_where_text_is_expected_is_named_as_such()
    {
        var error = SingleError("""
            system:
              release: bookworm
              hostname: yes
            """);

        error.ShouldBe("m.yml:13:13: `system.hostname` must be a string, not the boolean `true` (a host name (letters, digits and hyphens, dot-separated))");
    }

    [Fact]
    public void A_missing_required_key_is_named_with_its_parent()
    {
        var error = SingleError("""
            system:
              locale: C
            """);

        error.ShouldBe("m.yml:12:3: `system` is missing the required key `release`");
    }

    [Fact]
    public void A_missing_top_level_key_is_missing_from_the_manifest()
    {
        var errors = SchemaValidator.Validate(TestManifests.Document("name: x\n", "m.yml"), [ManifestReader.Core]);

        errors.Select(e => e.ToString()).ShouldBe(
        [
            "m.yml:1:1: the manifest is missing the required key `provider`",
            "m.yml:1:1: the manifest is missing the required key `bootstrapper`",
            "m.yml:1:1: the manifest is missing the required key `system`",
            "m.yml:1:1: the manifest is missing the required key `volume`",
        ]);
    }

    [Fact]
    public void A_key_with_a_slash_reads_as_the_manifest_writes_it()
    {
        ValidationMessages.Readable("volume.partitions['var/tmp'].size").ShouldBe("volume.partitions.var/tmp.size");
    }

    private static string SingleError(string systemSection, string rootSize = "2GiB") => ErrorsOf(systemSection, rootSize).ShouldHaveSingleItem();

    /// <summary>Validates a manifest whose first ten lines hold everything but the system section, which starts on line 11.</summary>
    private static List<string> ErrorsOf(string systemSection, string rootSize = "2GiB")
    {
        var yaml = $"""
            name: test
            provider:
              name: kvm
            bootstrapper: {"{}"}
            volume:
              partitions:
                type: msdos
                root:
                  filesystem: ext4
                  size: {rootSize}
            {systemSection}
            """;
        return [.. SchemaValidator.Validate(TestManifests.Document(yaml, "m.yml"), [ManifestReader.Core]).Select(e => e.ToString())];
    }
}
