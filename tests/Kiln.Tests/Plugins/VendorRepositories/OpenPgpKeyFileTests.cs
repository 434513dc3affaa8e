using System.Text;
using Kiln.Plugins.VendorRepositories;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.VendorRepositories;

public sealed class OpenPgpKeyFileTests
{
    [Fact]
    public void A_binary_key_is_armored_exactly_as_gpg_armors_it()
    {
        OpenPgpKeyFile.Armored(TestKeys.Binary).ShouldBe(TestKeys.Armored);
    }

    [Fact]
    public void An_armored_key_is_kept_with_unix_line_ends_and_one_final_newline()
    {
        var windows = "\uFEFF" + TestKeys.Armored.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n";

        OpenPgpKeyFile.Armored(Encoding.UTF8.GetBytes(windows)).ShouldBe(TestKeys.Armored);
    }

    [Fact]
    public void Armored_and_binary_public_keys_are_recognised()
    {
        OpenPgpKeyFile.IsPublicKey(Encoding.UTF8.GetBytes("\n" + TestKeys.Armored)).ShouldBeTrue();
        OpenPgpKeyFile.IsPublicKey(TestKeys.Binary).ShouldBeTrue();
        OpenPgpKeyFile.IsBinary([0xC6, 0x33]).ShouldBeTrue("a public-key packet in the new packet format");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key\n")]
    [InlineData("-----BEGIN PGP PRIVATE KEY BLOCK-----\n")]
    public void Other_files_are_not_public_keys(string content)
    {
        OpenPgpKeyFile.IsPublicKey(Encoding.UTF8.GetBytes(content)).ShouldBeFalse();
    }

    [Fact]
    public void A_secret_key_packet_is_not_a_public_key()
    {
        OpenPgpKeyFile.IsPublicKey([0x95, 0x01]).ShouldBeFalse();
    }

    [Fact]
    public void The_armor_checksum_starts_from_the_rfc_value()
    {
        OpenPgpKeyFile.Crc24([]).ShouldBe(0xB704CE);
    }
}
