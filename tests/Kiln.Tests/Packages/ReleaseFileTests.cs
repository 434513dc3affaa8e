using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

public sealed class ReleaseFileTests
{
    private const string Release = """
        Origin: Debian
        Label: Debian
        Suite: stable
        Version: 13.1
        Codename: trixie
        Date: Sat, 06 Sep 2025 09:30:21 UTC
        Architectures: all amd64 arm64
        Components: main contrib non-free-firmware non-free
        """;

    [Theory]
    [InlineData("Codename", "trixie")]
    [InlineData("Suite", "stable")]
    [InlineData("Version", "13.1")]
    [InlineData("Architectures", "all amd64 arm64")]
    public void A_field_is_read_without_its_name_and_spaces(string field, string value)
    {
        ReleaseFile.Field(Release, field).ShouldBe(value);
    }

    [Fact]
    public void A_missing_field_is_null()
    {
        ReleaseFile.Field(Release, "Acquire-By-Hash").ShouldBeNull();
    }

    [Fact]
    public void A_field_name_must_match_whole()
    {
        ReleaseFile.Field("Codenames: x\nCodename: bookworm\n", "Codename").ShouldBe("bookworm");
    }
}
