using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

public sealed class DpkgQueryTests
{
    [Fact]
    public void The_query_asks_dpkg_for_status_name_version_architecture_and_source_tab_separated()
    {
        DpkgQuery.Command.Argv.ShouldBe(["dpkg-query", "-W", "-f", "${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\t${Source}\n"]);
    }

    [Fact]
    public void A_package_without_a_source_field_is_its_own_source_at_its_own_version()
    {
        DpkgQuery.Parse("ii \tbash\t5.2.37-2\tamd64\t\n")
            .ShouldBe([new InstalledPackage("bash", "5.2.37-2", "amd64", "bash", "5.2.37-2")]);
    }

    [Fact]
    public void A_package_built_from_another_source_names_that_source_at_the_binarys_version()
    {
        DpkgQuery.Parse("ii \tlibc6\t2.41-12\tamd64\tglibc\n")
            .ShouldBe([new InstalledPackage("libc6", "2.41-12", "amd64", "glibc", "2.41-12")]);
    }

    [Fact]
    public void A_source_version_in_parentheses_is_the_sources_own_version()
    {
        DpkgQuery.Parse("ii \tbsdutils\t1:2.38.1-5+b1\tamd64\tutil-linux (2.38.1-5)\nii \tbc\t1.07.1-3+b1\tamd64\tbc (1.07.1-3)\n")
            .ShouldBe(
            [
                new InstalledPackage("bc", "1.07.1-3+b1", "amd64", "bc", "1.07.1-3"),
                new InstalledPackage("bsdutils", "1:2.38.1-5+b1", "amd64", "util-linux", "2.38.1-5"),
            ]);
    }

    [Fact]
    public void Packages_that_are_gone_or_left_only_their_configuration_are_not_in_the_image()
    {
        DpkgQuery.Parse("rc \tifupdown\t0.8.41\tamd64\t\nun \tfoo\t\t\t\nii \tzstd\t1.5.6\tamd64\tlibzstd\n")
            .Select(p => p.Name).ShouldBe(["zstd"]);
    }

    [Fact]
    public void Packages_are_sorted_by_name_and_then_architecture_whatever_dpkg_printed_first()
    {
        DpkgQuery.Parse("ii \tzlib1g\t1:1.3\tamd64\tzlib\nii \tlibc6\t2.41\ti386\tglibc\nii \tlibc6\t2.41\tamd64\tglibc\nii \tbase-files\t13.8\tamd64\t\n")
            .Select(p => $"{p.Name}:{p.Architecture}").ShouldBe(["base-files:amd64", "libc6:amd64", "libc6:i386", "zlib1g:amd64"]);
    }

    [Fact]
    public void A_line_that_is_not_what_the_query_prints_is_refused()
    {
        Should.Throw<FormatException>(() => DpkgQuery.Parse("ii bash 5.2\n")).Message.ShouldContain("`ii bash 5.2`");
    }

    [Fact]
    public void A_source_field_with_an_unclosed_version_is_refused()
    {
        Should.Throw<FormatException>(() => DpkgQuery.ParseSource("glibc (2.41", "libc6", "2.41")).Message.ShouldContain("libc6");
    }
}
