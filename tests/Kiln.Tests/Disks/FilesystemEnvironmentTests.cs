using Kiln.Disks;
using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class FilesystemEnvironmentTests
{
    [Fact]
    public void With_an_epoch_e2fsprogs_and_mkfs_fat_take_their_times_from_it()
    {
        FilesystemEnvironment.For(1700000000).ShouldBe(
            new Dictionary<string, string> { ["LC_ALL"] = "C", ["TZ"] = "UTC", ["SOURCE_DATE_EPOCH"] = "1700000000", ["E2FSPROGS_FAKE_TIME"] = "1700000000" },
            ignoreOrder: true);
    }

    [Fact]
    public void Without_one_only_the_locale_and_the_time_zone_are_fixed()
    {
        FilesystemEnvironment.For(null).Keys.ShouldBe(["LC_ALL", "TZ"], ignoreOrder: true);
    }

    [Fact]
    public void It_is_added_to_what_the_command_sets_itself()
    {
        var command = FilesystemEnvironment.Apply(new CommandLine("mcopy", "-s") { Environment = new Dictionary<string, string> { ["MTOOLS_SKIP_CHECK"] = "1" } }, 5);

        command.Argv.ShouldBe(["mcopy", "-s"]);
        command.Environment["MTOOLS_SKIP_CHECK"].ShouldBe("1");
        command.Environment["TZ"].ShouldBe("UTC");
        command.Environment["SOURCE_DATE_EPOCH"].ShouldBe("5");
    }
}
