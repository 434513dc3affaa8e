using Kiln.Packages;
using Kiln.Sbom;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Sbom;

public sealed class SpdxIdsTests
{
    [Fact]
    public void A_package_id_names_the_package_and_its_architecture()
    {
        SpdxIds.ForDebianPackage(new InstalledPackage("libc6", "2.41", "amd64", "glibc", "2.41")).ShouldBe("SPDXRef-Package-deb-libc6-amd64");
    }

    [Fact]
    public void The_same_package_of_two_architectures_gets_two_ids()
    {
        SpdxIds.ForDebianPackage(new InstalledPackage("libc6", "2.41", "i386", "glibc", "2.41"))
            .ShouldNotBe(SpdxIds.ForDebianPackage(new InstalledPackage("libc6", "2.41", "amd64", "glibc", "2.41")));
    }

    [Theory]
    [InlineData("libstdc++6", "libstdc-2B-2B6")]
    [InlineData("g++-14", "g-2B-2B-14")]
    [InlineData("python3.13", "python3.13")]
    [InlineData("debian_13 image", "debian-5F13-20image")]
    [InlineData("ä", "-C3-A4")]
    public void Characters_an_id_may_not_hold_become_their_hexadecimal_codes(string text, string id)
    {
        SpdxIds.Sanitize(text).ShouldBe(id);
    }

    [Fact]
    public void Names_that_differ_only_in_a_plus_or_a_dash_keep_different_ids()
    {
        SpdxIds.Sanitize("foo+bar").ShouldNotBe(SpdxIds.Sanitize("foo-bar"));
    }

    [Fact]
    public void A_file_id_names_the_file()
    {
        SpdxIds.ForFile("debian-13.boot.json").ShouldBe("SPDXRef-File-debian-13.boot.json");
    }
}
