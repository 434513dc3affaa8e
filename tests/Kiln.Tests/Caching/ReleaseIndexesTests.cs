using Kiln.Caching;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class ReleaseIndexesTests
{
    private const string Release = """
        -----BEGIN PGP SIGNED MESSAGE-----
        Hash: SHA512

        Origin: Debian
        Date: Sat, 21 Nov 2026 09:12:43 UTC
        MD5Sum:
         0123456789abcdef0123456789abcdef 1234 main/binary-amd64/Packages
        SHA256:
         1111111111111111111111111111111111111111111111111111111111111111  8867 contrib/binary-amd64/Packages
         2222222222222222222222222222222222222222222222222222222222222222 94821 main/binary-amd64/Packages
         3333333333333333333333333333333333333333333333333333333333333333 24111 main/binary-amd64/Packages.xz
         4444444444444444444444444444444444444444444444444444444444444444   123 main/binary-all/Packages.xz
         5555555555555555555555555555555555555555555555555555555555555555   456 main/binary-arm64/Packages.xz
         6666666666666666666666666666666666666666666666666666666666666666   789 main/i18n/Translation-en.xz
         7777777777777777777777777777777777777777777777777777777777777777   789 main/debian-installer/binary-amd64/Packages.xz
        -----BEGIN PGP SIGNATURE-----
        iQIzBAEBCgAdFiEE
        -----END PGP SIGNATURE-----
        """;

    [Fact]
    public void Only_the_package_indexes_of_the_images_components_and_architecture_count()
    {
        ReleaseIndexes.PackageIndexLines(Release, new ArchiveSource("http://deb.example/debian", "bookworm", ["main"]), "amd64").ShouldBe(
        [
            "2222222222222222222222222222222222222222222222222222222222222222 main/binary-amd64/Packages",
            "3333333333333333333333333333333333333333333333333333333333333333 main/binary-amd64/Packages.xz",
            "4444444444444444444444444444444444444444444444444444444444444444 main/binary-all/Packages.xz",
        ]);
    }

    [Fact]
    public void A_new_date_alone_leaves_the_digest_as_it_was_and_a_changed_index_changes_it()
    {
        var source = new ArchiveSource("http://deb.example/debian", "bookworm", ["main"]);
        var digest = ReleaseIndexes.Digest(Release, source, "amd64");

        ReleaseIndexes.Digest(Release.Replace("21 Nov", "22 Nov", StringComparison.Ordinal), source, "amd64").ShouldBe(digest);
        ReleaseIndexes.Digest(Release.Replace("3333", "3334", StringComparison.Ordinal), source, "amd64").ShouldNotBe(digest);
        ReleaseIndexes.Digest(Release.Replace("5555", "5556", StringComparison.Ordinal), source, "amd64").ShouldBe(digest, "arm64 is not this image's architecture");
    }

    [Fact]
    public void A_flat_repository_lists_its_packages_file_at_the_top()
    {
        var flat = "SHA256:\n aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 12 Packages\n bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb 34 Release\n";

        ReleaseIndexes.PackageIndexLines(flat, new ArchiveSource("http://127.0.0.1/flat", "./", []), "amd64")
            .ShouldBe(["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Packages"]);
    }

    [Fact]
    public void A_release_file_without_matching_indexes_counts_as_a_whole()
    {
        var source = new ArchiveSource("http://deb.example/debian", "bookworm", ["non-free"]);

        ReleaseIndexes.PackageIndexLines(Release, source, "amd64").ShouldBeEmpty();
        ReleaseIndexes.Digest(Release.Replace("21 Nov", "22 Nov", StringComparison.Ordinal), source, "amd64").ShouldNotBe(ReleaseIndexes.Digest(Release, source, "amd64"));
    }
}
