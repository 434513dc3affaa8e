using System.Globalization;
using Kiln.Disks;

namespace Kiln.Host;

/// <summary>The memory the kernel says is available for new work (<c>MemAvailable</c> in /proc/meminfo).</summary>
public static class HostMemory
{
    public static ByteSize Available(string meminfo = "/proc/meminfo")
    {
        if (!File.Exists(meminfo))
        {
            return ByteSize.FromMiB(long.MaxValue >> 21);
        }

        return Parse(File.ReadAllText(meminfo));
    }

    /// <summary>MemAvailable from the text of /proc/meminfo (in KiB there), or MemFree on kernels before 3.14.</summary>
    public static ByteSize Parse(string meminfo)
    {
        ArgumentNullException.ThrowIfNull(meminfo);
        var fields = meminfo.Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal);
        var text = fields.GetValueOrDefault("MemAvailable") ?? fields.GetValueOrDefault("MemFree") ?? "0 kB";
        var kib = long.Parse(text.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
        return new ByteSize(kib * 1024);
    }
}
