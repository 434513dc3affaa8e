using Kiln.Plugins.MinimizeSize;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.MinimizeSize;

public sealed class DpkgPathFilterTests
{
    private static readonly DpkgPathFilter Filter = DpkgPathFilter.Parse([
        "# a comment\npath-exclude=/usr/share/man/*\npath-include=/usr/share/man/man[1-9]/*\npath-include=/usr/share/man/de/*\n",
        "path-exclude=/usr/share/doc/*\npath-include=/usr/share/doc/*/copyright\nsomething-else=1\n",
    ]);

    [Theory]
    [InlineData("/usr/share/man/man1/ls.1.gz", false)]
    [InlineData("/usr/share/man/de/man1/ls.1.gz", false)]
    [InlineData("/usr/share/man/fr/man1/ls.1.gz", true)]
    [InlineData("/usr/share/man/mann/x.n.gz", true)]
    [InlineData("/usr/share/doc/apt/copyright", false)]
    [InlineData("/usr/share/doc/apt/changelog.gz", true)]
    [InlineData("/usr/share/doc/apt/examples/sources.list", true)]
    [InlineData("/usr/share/doc/libapt", true)]
    [InlineData("/usr/bin/apt", false)]
    public void The_last_matching_rule_decides_and_a_star_crosses_slashes(string path, bool excluded)
    {
        Filter.IsExcluded(path).ShouldBe(excluded);
    }

    [Fact]
    public void A_negated_class_matches_what_it_does_not_list()
    {
        var filter = DpkgPathFilter.Parse(["path-exclude=/x/[!a]*\n"]);

        filter.IsExcluded("/x/b").ShouldBeTrue();
        filter.IsExcluded("/x/a").ShouldBeFalse();
    }

    [Fact]
    public void Only_the_rules_are_read()
    {
        Filter.Rules.ShouldBe([
            (true, "/usr/share/man/*"), (false, "/usr/share/man/man[1-9]/*"), (false, "/usr/share/man/de/*"),
            (true, "/usr/share/doc/*"), (false, "/usr/share/doc/*/copyright"),
        ]);
    }

    [Fact]
    public void The_excluded_trees_are_the_fixed_directories_of_the_exclude_rules()
    {
        Filter.ExcludedTrees().ShouldBe(["/usr/share/doc", "/usr/share/man"]);
    }
}
