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

    [Fact]
    public void The_date_is_read_as_apt_writes_it()
    {
        ReleaseFile.Date(Release).ShouldBe(new DateTimeOffset(2025, 9, 6, 9, 30, 21, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("Date: Sat, 06 Sep 2025 09:30:21 GMT", 0)]
    [InlineData("Date: Sat, 6 Sep 2025 09:30:21 +0000", 0)]
    [InlineData("Date: Sat, 06 Sep 2025 11:30:21 +0200", 2)]
    [InlineData("Date: 06 Sep 2025 04:30:21 -0500", -5)]
    public void A_date_may_have_a_named_or_numeric_zone_and_a_day_of_one_digit(string line, int offsetHours)
    {
        var date = ReleaseFile.Date($"Origin: x\n{line}\n")!.Value;

        date.Offset.ShouldBe(TimeSpan.FromHours(offsetHours));
        date.ToUnixTimeSeconds().ShouldBe(1757151021);
    }

    [Fact]
    public void The_date_inside_a_signed_in_release_file_is_read_too()
    {
        var inRelease = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n" + Release + "\n-----BEGIN PGP SIGNATURE-----\nxyz\n-----END PGP SIGNATURE-----\n";

        ReleaseFile.Date(inRelease).ShouldBe(new DateTimeOffset(2025, 9, 6, 9, 30, 21, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("Origin: Debian\n")]
    [InlineData("Date: sometime\n")]
    [InlineData("Date: Sat, 06 Sep 2025 09:30:21 CEST\n")]
    public void A_missing_or_unreadable_date_is_null(string text)
    {
        ReleaseFile.Date(text).ShouldBeNull();
    }
}
