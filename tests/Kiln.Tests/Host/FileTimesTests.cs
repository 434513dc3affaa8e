using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

/// <summary>Reading and setting an entry's own times on real files and links.</summary>
public sealed class FileTimesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-file-times-").FullName;

    [Fact]
    public void The_times_read_are_exact_to_the_nanosecond()
    {
        var file = Path.Combine(_directory, "file");
        File.WriteAllText(file, "x");
        File.SetLastWriteTimeUtc(file, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcDateTime.AddTicks(1234));
        File.SetLastAccessTimeUtc(file, DateTimeOffset.FromUnixTimeSeconds(1_600_000_000).UtcDateTime);

        var times = FileTimes.Get(file);

        times.Modified.ShouldBe(new ExactTime(1_700_000_000, 123_400));
        times.Accessed.ShouldBe(ExactTime.AtSecond(1_600_000_000));
        times.Changed.Seconds.ShouldBeGreaterThan(1_700_000_000, "the status changed just now");
    }

    [Fact]
    public void A_symbolic_links_own_times_are_set_and_read_not_its_targets()
    {
        var target = Path.Combine(_directory, "target");
        File.WriteAllText(target, "x");
        var link = Path.Combine(_directory, "link");
        File.CreateSymbolicLink(link, target);
        var targetBefore = FileTimes.Get(target);

        FileTimes.Set(link, 1_500_000_000, 1_400_000_000);

        FileTimes.Get(link).Modified.ShouldBe(ExactTime.AtSecond(1_400_000_000));
        FileTimes.Get(link).Accessed.ShouldBe(ExactTime.AtSecond(1_500_000_000));
        FileTimes.Get(target).Modified.ShouldBe(targetBefore.Modified);
    }

    [Fact]
    public void A_missing_entry_is_named_in_the_error()
    {
        var missing = Path.Combine(_directory, "missing");

        Should.Throw<IOException>(() => FileTimes.Get(missing)).Message.ShouldContain(missing);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
