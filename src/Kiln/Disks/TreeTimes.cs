using System.IO.Enumeration;
using Kiln.Host;

namespace Kiln.Disks;

/// <summary>
/// Clamps the times of every entry of a directory tree to SOURCE_DATE_EPOCH before its filesystem is written:
/// a modification time after the epoch becomes the epoch (older ones, such as those packages ship, stay), and
/// every access time is the epoch. Symbolic links get their own times set and are never followed. An entry whose
/// times are already the clamped ones is left alone: on a root layered on a stored tree (clamped when it was
/// stored) only what the build changed is written, so the rest is not copied up.
/// </summary>
public static class TreeTimes
{
    /// <summary>The modification time an entry keeps: its own up to the epoch, the epoch after it.</summary>
    public static long Clamped(long modificationSeconds, long sourceDateEpoch) => Math.Min(modificationSeconds, sourceDateEpoch);

    /// <summary>
    /// The modification time an entry had before any clamping: an entry of a stored tree that still has the time
    /// the tree was clamped to had the one recorded for it (or exactly that one); any other its own.
    /// </summary>
    public static long Original(ExactTime modified, string relativePath, StoredTreeTimes? stored) =>
        stored is not null && modified == ExactTime.AtSecond(stored.Epoch) && stored.Originals.TryGetValue(relativePath, out var original)
            ? original
            : modified.Seconds;

    /// <param name="directory">The tree.</param>
    /// <param name="sourceDateEpoch">The time to clamp to.</param>
    /// <param name="stored">The times of the stored tree the directory is layered on or copied from, or null.</param>
    public static TreeClamp Clamp(string directory, long sourceDateEpoch, StoredTreeTimes? stored = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var top = Path.GetFullPath(directory);
        // Listed in full first: listing a directory moves its access time, so none is listed after its times are set.
        var all = TreeWalk.Entries(top, (ref FileSystemEntry entry) => entry.ToFullPath()).Append(top).ToList();
        var accessed = ExactTime.AtSecond(sourceDateEpoch);
        var originals = new Dictionary<string, long>(StringComparer.Ordinal);
        var changed = 0;
        foreach (var path in all)
        {
            var times = FileTimes.Get(path);
            var relative = Path.GetRelativePath(top, path);
            var original = Original(times.Modified, relative, stored);
            var kept = Clamped(original, sourceDateEpoch);
            if (kept != original)
            {
                originals[relative] = original;
            }

            if (times.Accessed != accessed || times.Modified != ExactTime.AtSecond(kept))
            {
                FileTimes.Set(path, sourceDateEpoch, kept);
                changed++;
            }
        }

        return new TreeClamp(all.Count, originals.Count, changed, originals);
    }
}
