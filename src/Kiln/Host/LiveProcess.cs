using System.Globalization;

namespace Kiln.Host;

/// <summary>Whether a process ID written into a file or directory name belongs to a process that still runs.</summary>
public static class LiveProcess
{
    /// <summary>True when <paramref name="pid"/> is a decimal process ID and /proc has that process.</summary>
    public static bool IsAlive(string pid) =>
        int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Directory.Exists($"/proc/{id}");
}
