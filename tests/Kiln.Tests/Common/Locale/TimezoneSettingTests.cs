using Kiln.Common.Locale;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Locale;

public sealed class TimezoneSettingTests
{
    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("Universal")]
    [InlineData("Zulu")]
    public void The_names_of_utc_all_link_to_etc_utc(string timezone)
    {
        TimezoneSetting.IsUtc(timezone).ShouldBeTrue();
        TimezoneSetting.ZoneName(timezone).ShouldBe("Etc/UTC");
    }

    [Fact]
    public void Another_zone_keeps_its_name()
    {
        TimezoneSetting.IsUtc("Europe/Berlin").ShouldBeFalse();
        TimezoneSetting.ZoneName("Europe/Berlin").ShouldBe("Europe/Berlin");
    }
}
