using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

public sealed class PackageListFileTests
{
    private static readonly InstalledPackage[] Packages =
    [
        new("bsdutils", "1:2.38.1-5+b1", "amd64", "util-linux", "2.38.1-5"),
        new("libc6", "2.41-12", "amd64", "glibc", "2.41-12"),
    ];

    [Fact]
    public void The_list_is_a_header_and_one_tab_separated_line_per_package()
    {
        PackageListFile.Render(Packages).ShouldBe(
            "package\tversion\tarchitecture\tsource\tsource_version\n"
            + "bsdutils\t1:2.38.1-5+b1\tamd64\tutil-linux\t2.38.1-5\n"
            + "libc6\t2.41-12\tamd64\tglibc\t2.41-12\n");
    }

    [Fact]
    public void A_written_list_reads_back_as_the_same_packages()
    {
        PackageListFile.Parse(PackageListFile.Render(Packages)).ShouldBe(Packages);
    }

    [Fact]
    public void A_file_without_the_header_is_not_a_package_list()
    {
        Should.Throw<FormatException>(() => PackageListFile.Parse("libc6\t2.41-12\tamd64\tglibc\t2.41-12\n"));
    }
}
