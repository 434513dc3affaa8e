using System.Globalization;
using Kiln.SystemTests.Plugins;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// The comparison <see cref="ReproducibleImageTests"/> reports with: on a small GPT disk with one ext4 partition,
/// a changed file, a changed inode and a changed MBR byte are each found and named.
/// </summary>
[Trait("Category", "System")]
public sealed class ImageComparisonTests : IDisposable
{
    private const long PartitionStart = 1024 * 1024;

    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-image-comparison-").FullName;

    [SystemFact]
    public void Identical_images_have_no_difference_and_each_changed_block_is_named_by_partition_file_or_inode()
    {
        var first = SmallDisk();
        var second = Path.Combine(_directory, "second.raw");
        File.Copy(first, second);
        ImageComparison.Differences(first, second, 20).ShouldBeEmpty();

        var device = $"{second}?offset={PartitionStart.ToString(CultureInfo.InvariantCulture)}";
        var block = long.Parse(ToolRun.Run("debugfs", ["-R", "bmap /etc/hostname 0", device]).Trim(), CultureInfo.InvariantCulture);
        var blockSize = long.Parse(ToolRun.Run("dumpe2fs", ["-h", device]).Split('\n').Single(l => l.StartsWith("Block size:", StringComparison.Ordinal))["Block size:".Length..].Trim(), CultureInfo.InvariantCulture);
        Patch(second, PartitionStart + (block * blockSize), (byte)'X');
        ToolRun.Run("debugfs", ["-w", "-R", "sif /etc/other mtime @1700000001", device], environment: new Dictionary<string, string> { ["E2FSPROGS_FAKE_TIME"] = "1700000000" });
        Patch(second, 100, 0xff);

        var differences = ImageComparison.Differences(first, second, 20);
        var descriptions = differences.Select(new DiskRegions(first).Describe).ToList();

        differences[0].ShouldBe(100);
        var all = string.Join('\n', descriptions);
        descriptions[0].ShouldContain("the MBR's boot code", customMessage: all);
        descriptions.ShouldContain(d => d.Contains("partition 1 (", StringComparison.Ordinal) && d.Contains("data of inode", StringComparison.Ordinal) && d.EndsWith("/etc/hostname", StringComparison.Ordinal), all);
        descriptions.ShouldContain(d => d.Contains("inode table: inode", StringComparison.Ordinal) && d.EndsWith("/etc/other", StringComparison.Ordinal), all);
    }

    public void Dispose() => TestDirectory.Remove(_directory);

    private string SmallDisk()
    {
        var tree = Path.Combine(_directory, "tree", "etc");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "hostname"), "debian\n");
        File.WriteAllText(Path.Combine(tree, "other"), "other\n");
        var disk = Path.Combine(_directory, "first.raw");
        using (var file = File.Create(disk))
        {
            file.SetLength(32 * 1024 * 1024);
        }

        ToolRun.Run("sh", ["-c", $"printf 'label: gpt\\nstart=2048, size=40960, type=L\\n' | sfdisk -q '{disk}'"]);
        ToolRun.Run("mkfs.ext4", ["-q", "-F", "-E", $"offset={PartitionStart.ToString(CultureInfo.InvariantCulture)}", "-d", Path.Combine(_directory, "tree"), disk, "20M"]);
        return disk;
    }

    private static void Patch(string file, long offset, byte value)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
        stream.Position = offset;
        stream.WriteByte(value);
    }
}
