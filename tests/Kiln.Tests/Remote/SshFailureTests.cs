using Kiln.Remote;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Remote;

public sealed class SshFailureTests
{
    private static readonly BuildHost Host = BuildHost.FromDestination("root@127.0.0.1:2222", null);

    [Theory]
    [InlineData("root@127.0.0.1: Permission denied (publickey).", "the server refused the login")]
    [InlineData("Host key verification failed.", "connect once with `ssh root@127.0.0.1`")]
    [InlineData("ssh: Could not resolve hostname nowhere: Name or service not known", "cannot find the host 127.0.0.1")]
    [InlineData("ssh: connect to host 127.0.0.1 port 2222: Connection refused", "refused the connection")]
    [InlineData("ssh: connect to host 127.0.0.1 port 2222: Connection timed out", "cannot reach")]
    [InlineData("kex_exchange_identification: read: Connection reset by peer", "try `ssh root@127.0.0.1` by hand")]
    public void Each_ssh_failure_says_what_to_check(string error, string advice)
    {
        var message = SshFailure.Explain(Host, null, $"Warning: Permanently added '[127.0.0.1]:2222' (ED25519) to the list of known hosts.\n{error}\n");

        message.ShouldContain(advice);
        message.ShouldContain(error.Trim());
        message.ShouldNotContain("Warning:");
    }

    [Fact]
    public void A_bad_configuration_file_is_named()
    {
        SshFailure.Explain(Host, "/tmp/cfg", "/tmp/cfg: line 1: Bad configuration option: bogus\n/tmp/cfg: terminating, 1 bad configuration options")
            .ShouldContain("ssh cannot use the configuration /tmp/cfg");
    }
}
