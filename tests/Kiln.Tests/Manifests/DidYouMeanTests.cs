using System.Text;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

/// <summary>
/// What a user sees for the usual mistakes, all of them in one run, one message each, with the closest valid name
/// (golden: a change in wording shows in review).
/// </summary>
public sealed class DidYouMeanTests
{
    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "misspelt-key-and-release", "  release: bookworm", "  release: bookwrom\n  architecure: amd64" },
        { "misspelt-required-key", "  release: bookworm", "  relase: bookworm" },
        { "enum-of-two-schemas", "  release: bookworm", "  release: bookworm\n  bootloader: grubb" },
        { "dedented-size", "      size: 2GiB", "    size: 2GiB" },
        { "over-indented-key", "  release: bookworm", "  release: bookworm\n    hostname: web1" },
        { "misaligned-key", "  release: bookworm", "   hostname: web1\n  release: bookworm" },
        { "misspelt-plugin", "volume:", "plugins:\n  clod_init: {}\nvolume:" },
        { "unknown-plugin", "volume:", "plugins:\n  motd_banner: {}\nvolume:" },
        { "misspelt-provider", "  name: kvm", "  name: kvn" },
        { "other-providers-backing", "backing: raw", "backing: vdi" },
        { "misspelt-filesystem", "filesystem: ext4", "filesystem: etx4" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Every_mistake_gets_one_message_that_says_what_was_meant(string name, string valid, string broken)
    {
        TestManifests.Minimal.ShouldContain(valid);
        var yaml = TestManifests.Minimal.Replace(valid, broken, StringComparison.Ordinal);
        var text = new StringBuilder().Append(yaml).Append("\n---\n");
        foreach (var error in ErrorsOf(yaml))
        {
            text.Append(error).Append('\n');
        }

        Golden.VerifyNamed(text.ToString(), name);
    }

    [Theory]
    [InlineData("architecure", "architecture")]
    [InlineData("clod_init", "cloud_init")]
    [InlineData("bookwrom", "bookworm")]
    [InlineData("--dryrun", "--dry-run")]
    [InlineData("grubb", "grub")]
    [InlineData("Qcow2", "qcow2")]
    public void The_closest_name_is_found_through_typos_swaps_and_case(string typed, string meant) =>
        ClosestName.Find(typed, ["architecture", "cloud_init", "bookworm", "bullseye", "--dry-run", "--debug", "grub", "qcow2", "raw"]).ShouldBe(meant);

    [Theory]
    [InlineData("ec2")]
    [InlineData("lilo")]
    [InlineData("x")]
    public void Nothing_is_suggested_when_nothing_is_close(string typed) =>
        ClosestName.Find(typed, ["kvm", "grub", "extlinux", "systemd-boot"]).ShouldBeNull();

    private static IEnumerable<ManifestError> ErrorsOf(string yaml)
    {
        try
        {
            return TestManifests.ErrorsOf(yaml, "m.yml");
        }
        catch (ManifestException exception)
        {
            // Syntax errors are found while loading, before the reader.
            return exception.Errors;
        }
    }
}
