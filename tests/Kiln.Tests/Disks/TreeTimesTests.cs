using Kiln.Disks;
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

        var (entries, clamped) = TreeTimes.Clamp(_tree, Epoch);

        Modified(made).ShouldBe(Epoch);
        Modified(shipped).ShouldBe(Older);
        entries.ShouldBe(7);
        clamped.ShouldBe(6);
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

            var (entries, _) = TreeTimes.Clamp(_tree, Epoch);

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
