using Kiln.Common.Network;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Network;

public sealed class SetHostnameTests
{
    [Fact]
    public void A_short_hostname_resolves_to_127_0_1_1()
    {
        SetHostname.HostsFile("debian").ShouldBe(
            "127.0.0.1\tlocalhost\n127.0.1.1\tdebian\n\n# The following lines are desirable for IPv6 capable hosts\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
    }

    [Fact]
    public void A_fully_qualified_hostname_is_listed_with_its_short_name()
    {
        SetHostname.HostsFile("box.example.org").Split('\n')[1].ShouldBe("127.0.1.1\tbox.example.org box");
    }
}
