using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.SystemTests;

/// <summary>What dumpe2fs says of an ext2/3/4 filesystem: its sizes and where each group keeps its metadata.</summary>
public sealed partial record ExtLayout(long BlockSize, long InodeSize, long InodesPerGroup, IReadOnlyList<(long Group, string What, long From, long To)> Metadata)
{
    /// <returns>The layout, or null when dumpe2fs cannot read the filesystem.</returns>
    public static ExtLayout? Read(string device)
    {
        var dump = ImageInspector.Run("dumpe2fs", [device], allowFailure: true);
        if (dump.Length == 0)
        {
            return null;
        }

        var metadata = new List<(long, string, long, long)>();
        long group = -1;
        foreach (var line in dump.Split('\n'))
        {
            if (GroupLine().Match(line) is { Success: true } start)
            {
                group = Number(start.Groups["group"].Value);
                continue;
            }

            if (group < 0 || !line.StartsWith("  ", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match area in Area().Matches(line))
            {
                var from = Number(area.Groups["from"].Value);
                var to = area.Groups["to"].Success ? Number(area.Groups["to"].Value) : from;
                metadata.Add((group, area.Groups["what"].Value.Trim(), from, to));
            }
        }

        return new ExtLayout(Header(dump, "Block size"), Header(dump, "Inode size"), Header(dump, "Inodes per group"), metadata);
    }

    private static long Header(string dump, string field) =>
        Number(Regex.Match(dump, $"^{field}:\\s+(\\d+)", RegexOptions.Multiline).Groups[1].Value);

    private static long Number(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Group (?<group>\d+):")]
    private static partial Regex GroupLine();

    [GeneratedRegex(@"(?<what>[A-Z][A-Za-z ]*?) at (?<from>\d+)(-(?<to>\d+))?")]
    private static partial Regex Area();
}
