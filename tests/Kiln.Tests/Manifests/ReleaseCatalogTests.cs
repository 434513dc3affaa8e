using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class ReleaseCatalogTests
{
    [Fact]
    public void The_codenames_are_listed_oldest_first_with_their_versions()
    {
        ReleaseCatalog.Codenames.Select(r => $"{r.Codename}={r.Version}").ShouldBe(
            ["wheezy=7", "jessie=8", "stretch=9", "buster=10", "bullseye=11", "bookworm=12", "trixie=13", "forky=14", "sid=1000"]);
        ReleaseCatalog.Codenames.ShouldBeInOrder(SortDirection.Ascending);
    }

    [Theory]
    [InlineData("oldoldstable", "bullseye")]
    [InlineData("oldstable", "bookworm")]
    [InlineData("stable", "trixie")]
    [InlineData("testing", "forky")]
    [InlineData("unstable", "sid")]
    [InlineData("bookworm", "bookworm")]
    public void A_suite_or_codename_is_found_without_a_mirror(string name, string codename)
    {
        ReleaseCatalog.Find(name).ShouldNotBeNull().Codename.ShouldBe(codename);
    }

    [Fact]
    public void Suites_are_not_codenames()
    {
        ReleaseCatalog.IsSuite("stable").ShouldBeTrue();
        ReleaseCatalog.IsSuite("trixie").ShouldBeFalse();
        ReleaseCatalog.FindCodename("stable").ShouldBeNull();
    }

    [Theory]
    [InlineData("bookwurm")]
    [InlineData("Bookworm")]
    [InlineData("jammy")]
    [InlineData("")]
    public void Other_names_are_unknown(string name)
    {
        ReleaseCatalog.Find(name).ShouldBeNull();
    }

    [Fact]
    public void All_names_are_the_codenames_then_the_suites()
    {
        ReleaseCatalog.AllNames.ShouldBe(
            ["wheezy", "jessie", "stretch", "buster", "bullseye", "bookworm", "trixie", "forky", "sid", "oldoldstable", "oldstable", "stable", "testing", "unstable"]);
    }
}
