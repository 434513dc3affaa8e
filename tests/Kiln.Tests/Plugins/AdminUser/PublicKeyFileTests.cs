using Kiln.Plugins.AdminUser;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.AdminUser;

public sealed class PublicKeyFileTests
{
    public const string Ed25519Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID9IBdQoavrjm+sssMNhphXwBr1pbpIaO9+OBOnQrsZo";

    /// <summary>The blob of an RSA key: a valid key, but not an ed25519 one.</summary>
    private const string RsaBlob = "AAAAB3NzaC1yc2EAAAADAQABAAAAgQDNXkwk7dylDYPpIsC9VMDZ+EIxS8cBG6nlpcR1c7xN8TugBKXrR6nmHk3lMGVfEHGQHxwIiwDb+Ofyh53e9HsyUeAIiNrOwH4QK0QE1TNjce+EcHJTrHTpgKw2p2GD5M5VRqiWWa9Gve12BmkKXHpDwkKq9HWGmSHQPV+lN045aQ==";

    [Fact]
    public void Each_key_line_is_kept_and_comments_and_blank_lines_are_skipped()
    {
        var (keys, problem) = PublicKeyFile.Parse($"# laptop\n{Ed25519Key} me@laptop\n\nssh-rsa {RsaBlob} me@desktop\n");

        problem.ShouldBeNull();
        keys.ShouldBe([$"{Ed25519Key} me@laptop", $"ssh-rsa {RsaBlob} me@desktop"]);
    }

    [Fact]
    public void A_private_key_is_refused_with_the_hint_to_give_the_pub_file()
    {
        PublicKeyFile.Parse("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n").Problem
            .ShouldBe("is a private key; give the public key, the file of the same name ending in .pub");
    }

    [Theory]
    [InlineData("hello world", "line 1 is not an SSH public key: it starts with `hello` instead of a key type such as ssh-ed25519 or ssh-rsa")]
    [InlineData("ssh-ed25519 not*base64", "line 1 is not an SSH public key: the key after its type is not base64")]
    [InlineData("ssh-ed25519", "line 1 is not an SSH public key: the key after its type is not base64")]
    [InlineData("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAAAgQDNXkwk7dylDYPpIsC9VMDZ+EIxS8cBG6nlpcR1c7xN8TugBKXrR6nmHk3lMGVfEHGQHxwIiwDb+Ofyh53e9HsyUeAIiNrOwH4QK0QE1TNjce+EcHJTrHTpgKw2p2GD5M5VRqiWWa9Gve12BmkKXHpDwkKq9HWGmSHQPV+lN045aQ== x", "line 1 is not an SSH public key: the key data is not a ssh-ed25519 key")]
    [InlineData("\n# nothing\n", "holds no SSH public key")]
    public void What_is_no_public_key_is_named(string text, string problem)
    {
        PublicKeyFile.Parse(text).Problem.ShouldBe(problem);
    }
}
