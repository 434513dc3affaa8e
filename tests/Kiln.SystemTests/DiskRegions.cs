using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Kiln.SystemTests;

/// <summary>
/// Says what holds a byte of a raw disk image: the partition table and boot code, a partition and its
/// filesystem, and in an ext2/3/4 filesystem the file (debugfs icheck and ncheck) or the metadata (dumpe2fs'
/// group layout; in an inode table, the inode and its path) the byte belongs to.
/// </summary>
public sealed partial class DiskRegions
{
    private readonly string _image;
    private readonly List<(int Number, long Start, long End, string Type)> _partitions;
    private readonly Dictionary<int, ExtLayout?> _ext = [];

    public DiskRegions(string rawImage)
    {
        _image = rawImage;
        var dump = ImageInspector.Run("sfdisk", ["--json", rawImage], allowFailure: true);
        _partitions = dump.Length == 0
            ? []
            : ((JArray)JObject.Parse(dump)["partitiontable"]!["partitions"]!)
                .Select(p => (Number: PartitionNumber(p.Value<string>("node")!), Start: p.Value<long>("start") * 512, End: (p.Value<long>("start") + p.Value<long>("size")) * 512, Type: p.Value<string>("type")!))
                .ToList();
    }

    public string Describe(long offset)
    {
        var at = $"byte {offset.ToString(CultureInfo.InvariantCulture)} (0x{offset:x})";
        var partition = _partitions.FirstOrDefault(p => offset >= p.Start && offset < p.End);
        if (partition == default)
        {
            return $"{at}: {Outside(offset)}";
        }

        var inPartition = offset - partition.Start;
        var filesystem = ImageInspector.Run("blkid", ["-p", "-O", partition.Start.ToString(CultureInfo.InvariantCulture), "-o", "value", "-s", "TYPE", _image], allowFailure: true).Trim();
        var where = $"{at}: partition {partition.Number} (type {partition.Type}, {(filesystem.Length == 0 ? "no filesystem blkid knows" : filesystem)}), byte {inPartition.ToString(CultureInfo.InvariantCulture)} of it";
        return filesystem.StartsWith("ext", StringComparison.Ordinal) ? $"{where}: {InExt(partition.Number, partition.Start, inPartition)}" : where;
    }

    private string Outside(long offset)
    {
        if (offset < 440)
        {
            return "the MBR's boot code (GRUB's boot.img)";
        }

        if (offset < 512)
        {
            return "the MBR's disk id and partition table";
        }

        var first = _partitions.Count == 0 ? long.MaxValue : _partitions.Min(p => p.Start);
        return offset < first
            ? "between the MBR and the first partition (the GPT header and entries; on msdos disks GRUB's core.img)"
            : "outside every partition (after the last one: the backup GPT)";
    }

    private string InExt(int number, long start, long inPartition)
    {
        if (!_ext.TryGetValue(number, out var layout))
        {
            layout = ExtLayout.Read(Device(start));
            _ext[number] = layout;
        }

        if (layout is null)
        {
            return "dumpe2fs cannot read it";
        }

        var block = inPartition / layout.BlockSize;
        var device = Device(start);
        var owner = IcheckOwner().Match(ImageInspector.Run("debugfs", ["-R", $"icheck {block.ToString(CultureInfo.InvariantCulture)}", device], allowFailure: true));
        if (owner.Success)
        {
            var inode = long.Parse(owner.Groups["inode"].Value, CultureInfo.InvariantCulture);
            return $"block {block.ToString(CultureInfo.InvariantCulture)}, data of inode {inode.ToString(CultureInfo.InvariantCulture)} {PathOf(device, inode)}";
        }

        var (group, what, from, _) = layout.Metadata.FirstOrDefault(m => block >= m.From && block <= m.To);
        if (what is null)
        {
            return $"block {block.ToString(CultureInfo.InvariantCulture)}, no file's and no group's metadata (free space)";
        }

        var text = $"block {block.ToString(CultureInfo.InvariantCulture)}, group {group.ToString(CultureInfo.InvariantCulture)}'s {what.ToLowerInvariant()}";
        if (what == "Inode table")
        {
            var inode = (group * layout.InodesPerGroup) + ((inPartition - (from * layout.BlockSize)) / layout.InodeSize) + 1;
            text += $": inode {inode.ToString(CultureInfo.InvariantCulture)} {PathOf(device, inode)}";
        }

        return text;
    }

    private static string PathOf(string device, long inode)
    {
        var line = ImageInspector.Run("debugfs", ["-R", $"ncheck {inode.ToString(CultureInfo.InvariantCulture)}", device], allowFailure: true)
            .Split('\n').Skip(1).FirstOrDefault(l => l.Length > 0);
        return line is null ? "(no path: a special inode, or unused)" : line[(line.IndexOf('\t', StringComparison.Ordinal) + 1)..];
    }

    private string Device(long start) => $"{_image}?offset={start.ToString(CultureInfo.InvariantCulture)}";

    private static int PartitionNumber(string node) => int.Parse(TrailingNumber().Match(node).Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"^\d+\t(?<inode>\d+)$", RegexOptions.Multiline)]
    private static partial Regex IcheckOwner();
}
