using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class DebianReleaseTests
{
    [Fact]
    public void Releases_compare_by_version_and_sid_comes_last()
    {
        (ReleaseCatalog.Buster < ReleaseCatalog.Bullseye).ShouldBeTrue();
        (ReleaseCatalog.Bookworm >= ReleaseCatalog.FindCodename("bookworm")!).ShouldBeTrue();
        (ReleaseCatalog.Sid > ReleaseCatalog.Forky).ShouldBeTrue();
        (ReleaseCatalog.Wheezy <= ReleaseCatalog.Jessie).ShouldBeTrue();
        ReleaseCatalog.Trixie.CompareTo(null).ShouldBe(1);
    }

    [Theory]
    [InlineData("stretch", "stretch/updates")]
    [InlineData("buster", "buster/updates")]
    [InlineData("bullseye", "bullseye-security")]
    [InlineData("bookworm", "bookworm-security")]
    [InlineData("trixie", "trixie-security")]
    public void The_security_suite_was_renamed_with_bullseye(string codename, string suite)
    {
        ReleaseCatalog.FindCodename(codename)!.SecuritySuite.ShouldBe(suite);
    }

    [Fact]
    public void Sid_has_no_updates_and_no_security_suite()
    {
        ReleaseCatalog.Sid.IsUnstable.ShouldBeTrue();
        ReleaseCatalog.Sid.HasSecuritySuite.ShouldBeFalse();
        ReleaseCatalog.Sid.HasUpdatesSuite.ShouldBeFalse();
    }

    [Fact]
    public void A_numbered_release_has_updates_and_security()
    {
        ReleaseCatalog.Bookworm.IsUnstable.ShouldBeFalse();
        ReleaseCatalog.Bookworm.HasSecuritySuite.ShouldBeTrue();
        ReleaseCatalog.Bookworm.HasUpdatesSuite.ShouldBeTrue();
    }

    [Fact]
    public void A_release_prints_as_its_codename()
    {
        ReleaseCatalog.Bookworm.ToString().ShouldBe("bookworm");
    }
}
