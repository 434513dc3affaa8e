using Kiln.Manifests;
using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

public sealed class PackageSetTests
{
    [Fact]
    public void A_package_asked_for_twice_is_listed_once()
    {
        var set = new PackageSet().Add("curl").Add("vim").Add("curl");

        set.Requests.ShouldBe([new PackageRequest("curl"), new PackageRequest("vim")]);
    }

    [Fact]
    public void A_request_with_a_release_replaces_the_plain_one_in_its_place()
    {
        var set = new PackageSet().Add("linux-image-amd64").Add("curl").Add("linux-image-amd64", "bookworm-backports");

        set.Requests.ShouldBe([new PackageRequest("linux-image-amd64", "bookworm-backports"), new PackageRequest("curl")]);
    }

    [Fact]
    public void A_plain_request_does_not_undo_a_release()
    {
        var set = new PackageSet().Add("linux-image-amd64", "bookworm-backports").Add("linux-image-amd64");

        set.Requests.ShouldBe([new PackageRequest("linux-image-amd64", "bookworm-backports")]);
    }

    [Fact]
    public void A_local_package_replaces_a_request_of_the_same_name()
    {
        var local = new PackageRequest("tool_1.0_amd64.deb", null, "/srv/tool_1.0_amd64.deb");

        var set = new PackageSet().Add("tool_1.0_amd64.deb").Add(local);

        set.Requests.ShouldBe([local]);
        set.Contains("tool_1.0_amd64.deb").ShouldBeTrue();
    }

    [Fact]
    public void Pending_lists_what_is_not_installed_yet()
    {
        var set = new PackageSet().Add("curl").Add("vim").Add("tzdata", "bookworm-updates");

        set.MarkInstalled([new PackageRequest("curl"), new PackageRequest("tzdata")]);

        set.Pending.ShouldBe([new PackageRequest("vim"), new PackageRequest("tzdata", "bookworm-updates")]);
    }

    [Fact]
    public void A_local_package_counts_as_installed_by_its_path()
    {
        var local = new PackageRequest("tool.deb", null, "/srv/tool.deb");
        var set = new PackageSet().Add(local).Add("curl");

        set.MarkInstalled([new PackageRequest("tool.deb", null, "/other/tool.deb")]);
        set.Pending.ShouldBe([local, new PackageRequest("curl")]);

        set.MarkInstalled([local]);
        set.Pending.ShouldBe([new PackageRequest("curl")]);
    }

    [Fact]
    public void A_package_can_be_removed()
    {
        var set = new PackageSet().AddRange([new PackageRequest("a"), new PackageRequest("b")]);

        set.Remove("a").ShouldBeTrue();
        set.Remove("a").ShouldBeFalse();
        set.Requests.ShouldBe([new PackageRequest("b")]);
    }
}
