using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class PackageRequestTests
{
    [Fact]
    public void A_plain_name_is_a_package_from_the_release()
    {
        var request = PackageRequest.Parse("openssh-server", "/srv");

        request.ShouldBe(new PackageRequest("openssh-server"));
        request.IsLocal.ShouldBeFalse();
        request.AptArgument.ShouldBe("openssh-server");
    }

    [Fact]
    public void A_name_with_a_slash_names_the_target_release()
    {
        var request = PackageRequest.Parse("linux-image-amd64/bookworm-backports", "/srv");

        request.ShouldBe(new PackageRequest("linux-image-amd64", "bookworm-backports"));
        request.AptArgument.ShouldBe("linux-image-amd64/bookworm-backports");
    }

    [Theory]
    [InlineData("./debs/tool_1.0_amd64.deb", "/srv/manifests/debs/tool_1.0_amd64.deb")]
    [InlineData("../tool_1.0_amd64.deb", "/srv/tool_1.0_amd64.deb")]
    [InlineData("/opt/tool_1.0_amd64.deb", "/opt/tool_1.0_amd64.deb")]
    public void A_path_to_a_deb_is_a_local_package_resolved_against_the_manifest_directory(string entry, string path)
    {
        var request = PackageRequest.Parse(entry, "/srv/manifests");

        request.ShouldBe(new PackageRequest("tool_1.0_amd64.deb", null, path));
        request.IsLocal.ShouldBeTrue();
    }

    [Fact]
    public void A_deb_name_without_a_path_is_a_package_name()
    {
        PackageRequest.Parse("weird.deb", "/srv").ShouldBe(new PackageRequest("weird.deb"));
    }
}
