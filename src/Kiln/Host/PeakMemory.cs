using System.Globalization;

namespace Kiln.Host;

/// <summary>This process's peak resident memory (VmHWM in /proc/self/status): the benchmark's memory goal.</summary>
public static class PeakMemory
{
    public static double? MiB()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kib is not null && long.TryParse(kib, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value / 1024.0 : null;
    }
}
