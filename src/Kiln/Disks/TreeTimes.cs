using System.IO.Enumeration;
using Kiln.Host;

namespace Kiln.Disks;

/// <summary>
/// Clamps the times of every entry of a directory tree to SOURCE_DATE_EPOCH before its filesystem is written:
/// a modification time after the epoch becomes the epoch (older ones, such as those packages ship, stay), and
/// every access time is the epoch. Symbolic links get their own times set and are never followed.
/// </summary>
public static class TreeTimes
{
    /// <summary>The modification time an entry keeps: its own up to the epoch, the epoch after it.</summary>
    public static long Clamped(long modificationSeconds, long sourceDateEpoch) => Math.Min(modificationSeconds, sourceDateEpoch);

    /// <returns>How many entries there were (the top directory included) and how many had a later modification time.</returns>
    public static (int Entries, int Clamped) Clamp(string directory, long sourceDateEpoch)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var entries = TreeWalk.Entries(directory, (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.LastWriteTimeUtc.ToUnixTimeSeconds()));
        // Listed in full first: listing a directory moves its access time, so none is listed after its times are set.
        var top = new DirectoryInfo(directory);
        var all = entries.Append((top.FullName, new DateTimeOffset(top.LastWriteTimeUtc).ToUnixTimeSeconds())).ToList();
        var clamped = 0;
        foreach (var (path, modified) in all)
        {
            var kept = Clamped(modified, sourceDateEpoch);
            FileTimes.Set(path, sourceDateEpoch, kept);
            clamped += kept == modified ? 0 : 1;
        }

        return (all.Count, clamped);
    }
}
