using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

public sealed class DebFileNameTests
{
    [Theory]
    [InlineData("systemd_257.9-1~deb13u1_amd64.deb", "systemd", "257.9-1~deb13u1", "amd64")]
    [InlineData("libc6_2.41-12_arm64.deb", "libc6", "2.41-12", "arm64")]
    [InlineData("python3-yaml_6.0.2-1+b2_amd64.deb", "python3-yaml", "6.0.2-1+b2", "amd64")]
    [InlineData("libgcc-s1_14.2.0-19_all.deb", "libgcc-s1", "14.2.0-19", "all")]
    [InlineData("base-passwd_1%3a3.6.7_amd64.deb", "base-passwd", "1%3a3.6.7", "amd64")]
    public void An_archive_file_name_is_package_version_and_architecture(string fileName, string package, string version, string architecture)
    {
        var deb = DebFileName.Parse(fileName).ShouldNotBeNull();

        deb.ShouldBe(new DebFileName(package, version, architecture));
        deb.Slot.ShouldBe($"{package}_{architecture}");
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("partial")]
    [InlineData("tool.deb")]
    [InlineData("a_b.deb")]
    [InlineData("a_b_c_d.deb")]
    [InlineData("a__amd64.deb")]
    [InlineData(".systemd_257_amd64.deb.partial-12-abcdef01")]
    [InlineData(".systemd_257_amd64.deb")]
    public void Anything_else_is_not_one(string fileName) => DebFileName.Parse(fileName).ShouldBeNull();
}
