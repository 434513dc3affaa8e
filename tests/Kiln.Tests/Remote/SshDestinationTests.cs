using Kiln.Remote;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Remote;

public sealed class SshDestinationTests
{
    [Theory]
    [InlineData("builder", null, "builder", null)]
    [InlineData("root@builder", "root", "builder", null)]
    [InlineData("admin@10.0.0.5:2222", "admin", "10.0.0.5", 2222)]
    [InlineData("ssh://kiln@build.example:22/", "kiln", "build.example", 22)]
    [InlineData("[::1]:2200", null, "::1", 2200)]
    [InlineData("me@[2001:db8::1]", "me", "2001:db8::1", null)]
    public void Reads_user_host_and_port(string text, string? user, string host, int? port)
    {
        SshDestination.Parse(text).ShouldBe(new SshDestination(user, host, port));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("@builder", "is not a user name")]
    [InlineData("-oProxyCommand=x", "is not a host name")]
    [InlineData("builder:99999", "is not a port")]
    [InlineData("2001:db8::1", "needs brackets")]
    [InlineData("[::1", "is not closed")]
    public void Refuses_what_ssh_would_misread_with_what_to_write(string text, string reason)
    {
        var error = Should.Throw<UserInputException>(() => SshDestination.Parse(text));
        error.Message.ShouldContain(reason);
        error.Message.ShouldContain("write user@server");
    }

    [Fact]
    public void Target_leaves_the_port_to_the_p_option()
    {
        var destination = SshDestination.Parse("root@[::1]:2222");
        destination.Target.ShouldBe("root@::1");
        destination.ToString().ShouldBe("root@[::1]:2222");
    }
}
