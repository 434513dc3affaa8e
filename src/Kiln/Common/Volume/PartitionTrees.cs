using Kiln.Disks;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// Splits the root tree into one tree per filesystem by moving each mount point's directory aside (deepest
/// first), leaving an empty mount point in its parent; <see cref="Restore"/> moves them back.
/// </summary>
public sealed class PartitionTrees
{
    private readonly List<(string MountPointPath, string Moved)> _moves = [];

    private PartitionTrees(Dictionary<string, string> sources) => Sources = sources;

    /// <summary>The directory holding each filesystem's files, by the partition's or volume's <see cref="DiskPartition.ScratchName"/>.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    public static PartitionTrees Split(BuildContext context, DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(layout);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var trees = new PartitionTrees(sources);
        var staging = context.Paths.PartitionTrees;
        Directory.CreateDirectory(staging);
        foreach (var partition in layout.Filesystems.Reverse())
        {
            var spec = partition.Spec!;
            if (spec.IsRoot)
            {
                sources[partition.ScratchName] = context.Paths.Root;
                continue;
            }

            var mountPoint = context.Paths.InRoot(spec.MountPoint);
            var moved = Path.Combine(staging, partition.ScratchName);
            var parent = Path.GetDirectoryName(mountPoint)!;
            Directory.CreateDirectory(parent);
            var parentTimes = TimesOf(parent);
            Directory.CreateDirectory(mountPoint);
            var mode = File.GetUnixFileMode(mountPoint);
            var times = TimesOf(mountPoint);
            Directory.Move(mountPoint, moved);
            trees._moves.Add((mountPoint, moved));
            Directory.CreateDirectory(mountPoint);
            File.SetUnixFileMode(mountPoint, mode);

            // The empty mount point and its parent keep the times they had (clamped by then): the split must not show in the image.
            FileTimes.Set(mountPoint, times.Accessed, times.Modified);
            FileTimes.Set(parent, parentTimes.Accessed, parentTimes.Modified);
            sources[partition.ScratchName] = moved;
        }

        return trees;
    }

    private static (long Accessed, long Modified) TimesOf(string directory) =>
        (new DateTimeOffset(Directory.GetLastAccessTimeUtc(directory)).ToUnixTimeSeconds(), new DateTimeOffset(Directory.GetLastWriteTimeUtc(directory)).ToUnixTimeSeconds());

    public void Restore()
    {
        foreach (var (mountPoint, moved) in Enumerable.Reverse(_moves))
        {
            Directory.Delete(mountPoint);
            Directory.Move(moved, mountPoint);
        }

        _moves.Clear();
    }
}
