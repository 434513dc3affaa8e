using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Tasks;

/// <summary>What a user reads when something fails: the cause in one sentence, the tool's own words, short values.</summary>
public sealed class FailureMessagesTests
{
    [Fact]
    public void A_full_disk_is_recognised_in_a_tools_output_and_in_an_io_error()
    {
        var dpkg = new CommandFailedException(new CommandResult(new CommandLine("mmdebstrap"), 1, string.Empty, "dpkg: error: No space left on device\nErrors were encountered", TimeSpan.Zero));

        FailureExplanation.IsNoSpace(dpkg).ShouldBeTrue();
        FailureExplanation.IsNoSpace(new IOException("No space left on device : '/w/b/disk.raw'")).ShouldBeTrue();
        FailureExplanation.IsNoSpace(new KilnException("boom")).ShouldBeFalse();
        FailureExplanation.Describe("/var/tmp/kiln", 3L << 20, 2L << 30).ShouldBe(
            "no space left on /var/tmp/kiln: 3 MiB free, the build needs about 2048 MiB; free some space there, or build elsewhere with --workspace and --output");
    }

    [Fact]
    public void A_failed_command_in_the_image_is_named_without_the_chroot_and_cut_when_long()
    {
        var masker = new SecretMasker([]);

        CommandFailedException.Brief(new CommandLine("chroot", "/b/root", "apt-get", "install", "nosuch"), masker).ShouldBe("`apt-get install nosuch` (in the image)");
        CommandFailedException.Brief(new CommandLine("mmdebstrap", [.. Enumerable.Repeat("--include=package", 20)]), masker).Length.ShouldBe(102);
    }

    [Fact]
    public void A_megabyte_value_makes_a_short_message()
    {
        ValueText.Cut(new string('x', 1 << 20)).ShouldBe(new string('x', 60) + "… (1048576 characters)");
        ValueText.Cut("short").ShouldBe("short");
        ValueText.Cut("two\nlines").ShouldBe("two\nlines");
        ValueText.Cut("two\n" + new string('y', 80)).ShouldBe("two… (84 characters)");
    }
}
