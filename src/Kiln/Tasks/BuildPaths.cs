namespace Kiln.Tasks;

/// <summary>Where one build keeps its files: everything below <see cref="BuildDirectory"/>, which is removed at the end.</summary>
public sealed record BuildPaths(string Workspace, string BuildId, string OutputDirectory)
{
    /// <summary>The directory of this build inside the workspace.</summary>
    public string BuildDirectory => Path.Combine(Workspace, BuildId);

    /// <summary>
    /// The directory that holds the root tree and, beside it, the trees of the other filesystems while the disk is
    /// written (<see cref="Common.Volume.PartitionTrees"/>): one directory, so that a root layered on a stored tree (an overlay
    /// mounted here, see <see cref="Caching.LayeredRoot"/>) can still be split with renames.
    /// </summary>
    public string Tree => Path.Combine(BuildDirectory, "tree");

    /// <summary>The root filesystem tree of the image.</summary>
    public string Root => Path.Combine(Tree, "root");

    /// <summary>Where the other filesystems' trees are moved while the disk is written: beside the root, in <see cref="Tree"/>.</summary>
    public string PartitionTrees => Path.Combine(Tree, ".partition-trees");

    /// <summary>The upper and work directories of a layered root (<see cref="Caching.LayeredRoot"/>).</summary>
    public string TreeLayers => Path.Combine(BuildDirectory, "tree-layers");

    /// <summary>The raw disk image the filesystems are written into.</summary>
    public string RawDisk => Path.Combine(BuildDirectory, "disk.raw");

    /// <summary>A directory for files that are needed during the build only.</summary>
    public string Scratch => Path.Combine(BuildDirectory, "scratch");

    /// <summary>Where partitions are mounted when a filesystem has to be filled through a mount.</summary>
    public string MountDirectory => Path.Combine(BuildDirectory, "mnt");

    /// <summary>The path of a file inside the image's root tree.</summary>
    public string InRoot(string pathInImage) => Path.Combine(Root, pathInImage.TrimStart('/'));
}
