using Kiln.Host;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class HostToolCheckTests
{
    [Fact]
    public void A_made_up_command_is_missing_once_whoever_asks_for_it()
    {
        var missing = HostToolCheck.Missing(
        [
            new HostTool("kiln-no-such-tool-b", "kiln-fake-b"),
            new HostTool("sh", "dash"),
            new HostTool("kiln-no-such-tool-a", "kiln-fake-a"),
            new HostTool("kiln-no-such-tool-b", "kiln-fake-b"),
        ]);

        missing.ShouldBe([new HostTool("kiln-no-such-tool-a", "kiln-fake-a"), new HostTool("kiln-no-such-tool-b", "kiln-fake-b")]);
    }

    [Fact]
    public void An_absolute_path_is_checked_as_is()
    {
        HostToolCheck.Locate("/nonexistent/bin/mkfs.ext4").ShouldBeNull();
        HostToolCheck.Locate("/bin/sh").ShouldBe("/bin/sh");
    }

    [Fact]
    public void Missing_tools_are_described_with_their_packages()
    {
        HostToolCheck.Describe([new HostTool("sfdisk", "fdisk"), new HostTool("mmdebstrap", "mmdebstrap")]).ShouldBe("sfdisk (package fdisk), mmdebstrap (package mmdebstrap)");
    }
}
