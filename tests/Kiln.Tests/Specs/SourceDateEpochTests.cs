using Kiln.Specs;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Specs;

public sealed class SourceDateEpochTests
{
    [Fact]
    public void The_environments_variable_wins_over_the_manifests_key()
    {
        var epoch = SourceDateEpoch.Choose(environment: 1700000000, manifest: 1600000000)!;

        epoch.Seconds.ShouldBe(1700000000);
        epoch.Origin.ShouldBe("the environment's SOURCE_DATE_EPOCH");
    }

    [Fact]
    public void The_manifests_key_is_taken_when_the_environment_sets_none()
    {
        SourceDateEpoch.Choose(environment: null, manifest: 1600000000).ShouldBe(new SourceDateEpoch(1600000000, "bootstrapper.source_date_epoch"));
    }

    [Fact]
    public void Without_either_the_build_takes_the_mirrors_date_later()
    {
        SourceDateEpoch.Choose(null, null).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", 0L)]
    [InlineData("1763716544", 1763716544L)]
    public void The_variable_is_whole_seconds_or_unset(string? value, long? seconds)
    {
        SourceDateEpoch.ParseVariable(value).ShouldBe(seconds);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData(" 17")]
    public void Anything_else_in_the_variable_is_bad_input_that_says_what_it_must_be(string value)
    {
        var error = Should.Throw<UserInputException>(() => SourceDateEpoch.ParseVariable(value));

        error.Message.ShouldBe($"SOURCE_DATE_EPOCH is `{value}`; it must be a whole number of seconds since 1970-01-01 UTC (e.g. `date +%s`)");
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public void The_mirrors_date_becomes_seconds_and_says_where_it_came_from()
    {
        var epoch = SourceDateEpoch.FromRelease(new DateTimeOffset(2025, 9, 6, 9, 30, 21, TimeSpan.Zero), "trixie");

        epoch.Text.ShouldBe("1757151021");
        epoch.ToString().ShouldBe("1757151021 (2025-09-06 09:30:21 UTC, from the Date of the mirror's trixie Release file)");
    }
}
