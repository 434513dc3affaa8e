using Kiln.Caching;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class PackageCacheContentsTests
{
    [Fact]
    public void Every_cached_package_of_every_release_is_counted_and_cleaning_removes_them_all()
    {
        var root = Directory.CreateTempSubdirectory("kiln-package-clean-").FullName;
        try
        {
            var packages = Path.Combine(root, "packages");
            Directory.CreateDirectory(Path.Combine(packages, "trixie-amd64-0123456789ab"));
            Directory.CreateDirectory(Path.Combine(packages, "bookworm-arm64-0123456789ab"));
            File.WriteAllText(Path.Combine(packages, "trixie-amd64-0123456789ab", "a_1_amd64.deb"), "12345");
            File.WriteAllText(Path.Combine(packages, "bookworm-arm64-0123456789ab", "b_1_arm64.deb"), "123");

            File.WriteAllText(Path.Combine(packages, "trixie-amd64-0123456789ab", ".a_1_amd64.deb.partial-1-0123abcd"), "half");
            PackageCacheContents.Measure(packages).ShouldBe(new PackageCacheContents(2, 8));
            PackageCacheContents.Clean(packages).ShouldBe(new PackageCacheContents(2, 8));

            Directory.Exists(packages).ShouldBeFalse();
            PackageCacheContents.Clean(packages).ShouldBe(new PackageCacheContents(0, 0));
            PackageCacheContents.Clean(null).ShouldBe(new PackageCacheContents(0, 0));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
