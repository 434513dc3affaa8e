using Kiln.Disks;
using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

/// <summary>Clamping the times of a real temporary tree (links, hidden files, directories).</summary>
public sealed class TreeTimesTests : IDisposable
{
    private const long Epoch = 1_700_000_000;
    private const long Older = 1_600_000_000;

    private readonly string _tree = Directory.CreateTempSubdirectory("kiln-tree-times-").FullName;

    [Fact]
    public void A_modification_time_after_the_epoch_becomes_the_epoch_and_an_older_one_stays()
    {
        var made = Write("etc/hostname");
        var shipped = Write("usr/share/doc/README");
        File.SetLastWriteTimeUtc(shipped, DateTimeOffset.FromUnixTimeSeconds(Older).UtcDateTime);

        var clamp = TreeTimes.Clamp(_tree, Epoch);

        Modified(made).ShouldBe(Epoch);
        Modified(shipped).ShouldBe(Older);
        clamp.Entries.ShouldBe(7);
        clamp.Lowered.ShouldBe(6);
        clamp.Changed.ShouldBe(7, "every access time was set");
        clamp.Originals.Keys.Order(StringComparer.Ordinal).ShouldBe([".", "etc", "etc/hostname", "usr", "usr/share", "usr/share/doc"]);
    }

    [Fact]
    public void Every_access_time_and_the_top_directorys_times_are_the_epoch()
    {
        var file = Write("a/b/c");

        TreeTimes.Clamp(_tree, Epoch);

        new[] { _tree, Path.Combine(_tree, "a"), Path.Combine(_tree, "a", "b"), file }.ShouldAllBe(path => Accessed(path) == Epoch);
        Modified(_tree).ShouldBe(Epoch);
    }

    [Fact]
    public void Hidden_files_are_clamped_too()
    {
        var hidden = Write(".config/.hidden");

        TreeTimes.Clamp(_tree, Epoch);

        Modified(hidden).ShouldBe(Epoch);
    }

    [Fact]
    public void A_symbolic_link_gets_its_own_times_and_its_target_outside_the_tree_is_left_alone()
    {
        var outside = Directory.CreateTempSubdirectory("kiln-tree-times-target-").FullName;
        try
        {
            var target = Path.Combine(outside, "target");
            File.WriteAllText(target, "x");
            File.SetLastWriteTimeUtc(target, DateTimeOffset.FromUnixTimeSeconds(Older).UtcDateTime);
            Directory.CreateDirectory(Path.Combine(outside, "dir"));
            var fileLink = Path.Combine(_tree, "file-link");
            File.CreateSymbolicLink(fileLink, target);
            var directoryLink = Path.Combine(_tree, "dir-link");
            Directory.CreateSymbolicLink(directoryLink, Path.Combine(outside, "dir"));
            File.WriteAllText(Path.Combine(outside, "dir", "inside"), "y");
            File.CreateSymbolicLink(Path.Combine(_tree, "dangling"), "/nonexistent/target");

            var entries = TreeTimes.Clamp(_tree, Epoch).Entries;

            LinkModified(fileLink).ShouldBe(Epoch);
            LinkModified(directoryLink).ShouldBe(Epoch);
            LinkModified(Path.Combine(_tree, "dangling")).ShouldBe(Epoch);
            Modified(target).ShouldBe(Older);
            Modified(Path.Combine(outside, "dir", "inside")).ShouldNotBe(Epoch);
            entries.ShouldBe(4);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task An_entry_that_has_its_clamped_times_already_is_left_alone()
    {
        var kept = Write("etc/kept");
        TreeTimes.Clamp(_tree, Epoch);
        var before = FileTimes.Get(kept).Changed;
        await Task.Delay(50);
        var changedLater = Write("etc/changed-later");

        var clamp = TreeTimes.Clamp(_tree, Epoch);

        FileTimes.Get(kept).Changed.ShouldBe(before, "its times were not set again");
        clamp.Changed.ShouldBeInRange(2, 3, "the new file, its directory, and the top one if listing it moved its access time");
        Modified(changedLater).ShouldBe(Epoch);
    }

    [Fact]
    public void A_tree_clamped_when_it_was_stored_gets_the_times_a_fresh_tree_gets_with_a_later_epoch()
    {
        var made = Write("etc/made");
        var early = Write("etc/early");
        File.SetLastWriteTimeUtc(made, DateTimeOffset.FromUnixTimeSeconds(Epoch + 100).UtcDateTime);
        File.SetLastWriteTimeUtc(early, DateTimeOffset.FromUnixTimeSeconds(Epoch + 5_000).UtcDateTime);
        var stored = TreeTimes.Clamp(_tree, Epoch).StoredAt(Epoch);
        stored.Originals["etc/made"].ShouldBe(Epoch + 100);
        var later = Write("etc/later");

        TreeTimes.Clamp(_tree, Epoch + 1_000, stored);

        Modified(made).ShouldBe(Epoch + 100, "its own time, which the later epoch no longer lowers");
        Modified(early).ShouldBe(Epoch + 1_000);
        Modified(later).ShouldBe(Epoch + 1_000, "written after the tree was stored: its own time, lowered");
        Accessed(made).ShouldBe(Epoch + 1_000);
    }

    [Fact]
    public void Without_the_stored_times_a_stored_tree_keeps_the_times_it_was_clamped_to()
    {
        var made = Write("etc/made");
        File.SetLastWriteTimeUtc(made, DateTimeOffset.FromUnixTimeSeconds(Epoch + 100).UtcDateTime);
        TreeTimes.Clamp(_tree, Epoch);

        TreeTimes.Clamp(_tree, Epoch + 1_000);

        Modified(made).ShouldBe(Epoch);
    }

    [Fact]
    public void An_entry_with_the_stored_epoch_to_the_second_but_not_the_nanosecond_keeps_its_own_time()
    {
        var made = Write("etc/made");
        File.SetLastWriteTimeUtc(made, DateTimeOffset.FromUnixTimeSeconds(Epoch).UtcDateTime.AddTicks(1));
        var stored = new StoredTreeTimes(Epoch, new Dictionary<string, long>(StringComparer.Ordinal) { ["etc/made"] = Epoch + 100 });

        TreeTimes.Original(FileTimes.Get(made).Modified, "etc/made", stored).ShouldBe(Epoch);
        TreeTimes.Original(ExactTime.AtSecond(Epoch), "etc/made", stored).ShouldBe(Epoch + 100);
        TreeTimes.Original(ExactTime.AtSecond(Epoch), "etc/other", stored).ShouldBe(Epoch);
        TreeTimes.Original(ExactTime.AtSecond(Epoch), "etc/made", null).ShouldBe(Epoch);
    }

    [Theory]
    [InlineData(Older, Older)]
    [InlineData(Epoch, Epoch)]
    [InlineData(Epoch + 1, Epoch)]
    public void The_clamped_time_is_the_earlier_of_the_two(long modified, long kept)
    {
        TreeTimes.Clamped(modified, Epoch).ShouldBe(kept);
    }

    public void Dispose() => Directory.Delete(_tree, recursive: true);

    private static long Modified(string path) => new DateTimeOffset(File.GetLastWriteTimeUtc(path)).ToUnixTimeSeconds();

    private static long Accessed(string path) => new DateTimeOffset(File.GetLastAccessTimeUtc(path)).ToUnixTimeSeconds();

    /// <summary>The link's own modification time, as coreutils' stat (lstat) reports it.</summary>
    private static long LinkModified(string path)
    {
        var info = new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%Y", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var stat = System.Diagnostics.Process.Start(info)!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return long.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Write(string relative)
    {
        var path = Path.Combine(_tree, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative);
        return path;
    }
}
