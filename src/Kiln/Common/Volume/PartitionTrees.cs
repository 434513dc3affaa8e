using Kiln.Disks;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// Splits the root tree into one tree per filesystem by moving each mount point's directory aside (deepest
/// first), leaving an empty mount point in its parent; <see cref="Restore"/> moves them back.
/// </summary>
public sealed class PartitionTrees
{
    private readonly List<(string MountPointPath, string Moved)> _moves = [];

    private PartitionTrees(Dictionary<int, string> sources) => Sources = sources;

    /// <summary>The directory holding each filesystem's files, by partition number.</summary>
    public IReadOnlyDictionary<int, string> Sources { get; }

    public static PartitionTrees Split(BuildContext context, DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(layout);
        var sources = new Dictionary<int, string>();
        var trees = new PartitionTrees(sources);
        var staging = Path.Combine(context.Paths.Scratch, "trees");
        Directory.CreateDirectory(staging);
        foreach (var partition in layout.Filesystems.Reverse())
        {
            var spec = partition.Spec!;
            if (spec.IsRoot)
            {
                sources[partition.Number] = context.Paths.Root;
                continue;
            }

            var mountPoint = context.Paths.InRoot(spec.MountPoint);
            var moved = Path.Combine(staging, $"partition-{partition.Number}");
            Directory.CreateDirectory(mountPoint);
            var mode = File.GetUnixFileMode(mountPoint);
            Directory.Move(mountPoint, moved);
            trees._moves.Add((mountPoint, moved));
            Directory.CreateDirectory(mountPoint);
            File.SetUnixFileMode(mountPoint, mode);
            sources[partition.Number] = moved;
        }

        return trees;
    }

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
