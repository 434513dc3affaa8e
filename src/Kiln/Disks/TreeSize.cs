namespace Kiln.Disks;

/// <summary>
/// Estimates the space a directory tree takes in a filesystem (4 KiB blocks plus an inode each), without following
/// links and without entering the mount points given (a root tree's /proc, /sys and /dev while they are mounted).
/// </summary>
public static class TreeSize
{
    private const long Block = 4096;
    private const long InodeCost = 256;

    public static ByteSize Estimate(string directory) => Estimate(directory, []);

    public static ByteSize Estimate(string directory, IEnumerable<string> mountPoints)
    {
        ArgumentNullException.ThrowIfNull(mountPoints);
        var skipped = mountPoints.Select(m => m.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        long total = 0;
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(directory)]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            total += Block + InodeCost;
            foreach (var entry in current.EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null)
                {
                    total += InodeCost;
                }
                else if (entry is DirectoryInfo child)
                {
                    if (skipped.Contains(child.FullName.TrimEnd('/')))
                    {
                        total += Block + InodeCost;
                        continue;
                    }

                    pending.Push(child);
                }
                else if (entry is FileInfo file)
                {
                    total += ((file.Length + Block - 1) / Block * Block) + InodeCost;
                }
            }
        }

        return new ByteSize(total);
    }
}
