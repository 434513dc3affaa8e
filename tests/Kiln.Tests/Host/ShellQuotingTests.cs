using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class ShellQuotingTests
{
    [Theory]
    [InlineData("mkfs.ext4", "mkfs.ext4")]
    [InlineData("offset=1048576", "offset=1048576")]
    [InlineData("/var/tmp/kiln-1/disk.raw", "/var/tmp/kiln-1/disk.raw")]
    [InlineData("conv=sparse,notrunc", "conv=sparse,notrunc")]
    [InlineData("user@host:2%", "user@host:2%")]
    public void Safe_arguments_stay_bare(string argument, string quoted)
    {
        ShellQuoting.Quote(argument).ShouldBe(quoted);
    }

    [Theory]
    [InlineData("", "''")]
    [InlineData("a b", "'a b'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("*.deb", "'*.deb'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("line\nbreak", "'line\nbreak'")]
    public void Anything_a_shell_would_interpret_is_single_quoted(string argument, string quoted)
    {
        ShellQuoting.Quote(argument).ShouldBe(quoted);
    }

    [Fact]
    public void Join_quotes_each_argument_and_separates_them_with_spaces()
    {
        ShellQuoting.Join(["chroot", "/build/root", "sh", "-c", "echo 'hi' > /tmp/x"]).ShouldBe("chroot /build/root sh -c 'echo '\\''hi'\\'' > /tmp/x'");
    }
}
