using Kiln.Packages;
using Kiln.Sbom;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Sbom;

public sealed class PackageUrlTests
{
    [Theory]
    [InlineData("libc6", "2.41-12", "amd64", "pkg:deb/debian/libc6@2.41-12?arch=amd64&distro=debian-trixie")]
    [InlineData("bsdutils", "1:2.41-5", "amd64", "pkg:deb/debian/bsdutils@1%3A2.41-5?arch=amd64&distro=debian-trixie")]
    [InlineData("openssh-server", "1:10.0p1-7+deb13u1", "arm64", "pkg:deb/debian/openssh-server@1%3A10.0p1-7%2Bdeb13u1?arch=arm64&distro=debian-trixie")]
    [InlineData("libstdc++6", "14.2.0-19", "amd64", "pkg:deb/debian/libstdc%2B%2B6@14.2.0-19?arch=amd64&distro=debian-trixie")]
    [InlineData("tzdata", "2025b-4~deb13u1", "all", "pkg:deb/debian/tzdata@2025b-4~deb13u1?arch=all&distro=debian-trixie")]
    public void A_debian_package_gets_a_purl_with_its_version_percent_encoded(string name, string version, string architecture, string purl)
    {
        PackageUrl.ForDebian(new InstalledPackage(name, version, architecture, name, version), "trixie").ShouldBe(purl);
    }

    [Fact]
    public void An_epoch_is_percent_encoded_in_the_version()
    {
        PackageUrl.Encode("1:2.3").ShouldBe("1%3A2.3");
    }

    [Fact]
    public void Characters_beyond_ascii_are_encoded_octet_by_octet_in_utf8()
    {
        PackageUrl.Encode("é ?&=/@").ShouldBe("%C3%A9%20%3F%26%3D%2F%40");
    }
}
