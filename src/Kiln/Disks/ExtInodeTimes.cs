using System.Globalization;
using System.Text;
using Kiln.Host;

namespace Kiln.Disks;

/// <summary>
/// Sets the access and change times of every inode in use in a filesystem written by <c>mke2fs -d</c> to
/// SOURCE_DATE_EPOCH. mke2fs before 1.47.1 (bookworm's 1.47.0) copies both from the tree, where they are the
/// time of the build: the change time cannot be set from user space, and listing a directory or reading a file
/// moves its access time. Later mke2fs clamps them itself; this then changes nothing. The inodes in use are read
/// from dumpe2fs (the bitmaps); debugfs then sets them by number, which is about six times faster than by path.
/// </summary>
public static class ExtInodeTimes
{
    private const long RootInode = 2;

    /// <summary>dumpe2fs listing every group's free inodes.</summary>
    public static CommandLine ListCommand(string diskFile, ByteSize offset, long sourceDateEpoch) =>
        FilesystemEnvironment.Apply(new CommandLine("dumpe2fs", Device(diskFile, offset)) { LogsStandardOutput = false }, sourceDateEpoch);

    /// <summary>debugfs writing the filesystem with <paramref name="script"/> on its input.</summary>
    /// <remarks>debugfs echoes every command it reads; that echo is not logged, its errors are.</remarks>
    public static CommandLine SetCommand(string diskFile, ByteSize offset, string script, long sourceDateEpoch) =>
        FilesystemEnvironment.Apply(new CommandLine("debugfs", "-w", "-f", "-", Device(diskFile, offset)) { StandardInput = script, LogsStandardOutput = false }, sourceDateEpoch);

    /// <summary>
    /// The inodes in use, from dumpe2fs' output: the root directory, and every inode from the first ordinary one
    /// (<c>First inode:</c>, lost+found) to <c>Inode count:</c> that no group lists as free.
    /// </summary>
    public static IReadOnlyList<long> InUse(string dumpe2fsOutput)
    {
        ArgumentNullException.ThrowIfNull(dumpe2fsOutput);
        var lines = dumpe2fsOutput.Split('\n');
        var count = Header(lines, "Inode count:");
        var first = Header(lines, "First inode:");
        var free = new List<(long From, long To)>();
        foreach (var line in lines.Where(l => l.StartsWith("  Free inodes:", StringComparison.Ordinal)))
        {
            foreach (var item in line["  Free inodes:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var dash = item.IndexOf('-', StringComparison.Ordinal);
                free.Add(dash < 0 ? (Number(item), Number(item)) : (Number(item[..dash]), Number(item[(dash + 1)..])));
            }
        }

        var used = new List<long> { RootInode };
        var ranges = free.OrderBy(r => r.From).ToList();
        var next = 0;
        for (var inode = first; inode <= count; inode++)
        {
            while (next < ranges.Count && ranges[next].To < inode)
            {
                next++;
            }

            if (next < ranges.Count && ranges[next].From <= inode)
            {
                inode = ranges[next].To;
                continue;
            }

            used.Add(inode);
        }

        return used;
    }

    /// <summary>The debugfs script: <c>sif &lt;N&gt; atime @EPOCH</c> and <c>ctime</c> for each inode.</summary>
    public static string Script(IEnumerable<long> inodes, long sourceDateEpoch)
    {
        ArgumentNullException.ThrowIfNull(inodes);
        var time = "@" + sourceDateEpoch.ToString(CultureInfo.InvariantCulture);
        var script = new StringBuilder();
        foreach (var inode in inodes)
        {
            var number = inode.ToString(CultureInfo.InvariantCulture);
            script.Append("sif <").Append(number).Append("> atime ").Append(time).Append('\n');
            script.Append("sif <").Append(number).Append("> ctime ").Append(time).Append('\n');
        }

        return script.ToString();
    }

    private static string Device(string diskFile, ByteSize offset) => $"{diskFile}?offset={offset.Bytes.ToString(CultureInfo.InvariantCulture)}";

    private static long Header(string[] lines, string field)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new KilnException($"dumpe2fs printed no `{field}` line");
        return Number(line[field.Length..]);
    }

    private static long Number(string text) => long.Parse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}
