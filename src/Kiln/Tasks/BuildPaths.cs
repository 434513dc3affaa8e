namespace Kiln.Tasks;

/// <summary>Where one build keeps its files: everything below <see cref="BuildDirectory"/>, which is removed at the end.</summary>
public sealed record BuildPaths(string Workspace, string BuildId, string OutputDirectory)
{
    /// <summary>The directory of this build inside the workspace.</summary>
    public string BuildDirectory => Path.Combine(Workspace, BuildId);

    /// <summary>The root filesystem tree of the image.</summary>
    public string Root => Path.Combine(BuildDirectory, "root");

    /// <summary>The raw disk image the filesystems are written into.</summary>
    public string RawDisk => Path.Combine(BuildDirectory, "disk.raw");

    /// <summary>A directory for files that are needed during the build only.</summary>
    public string Scratch => Path.Combine(BuildDirectory, "scratch");

    /// <summary>Where partitions are mounted when a filesystem has to be filled through a mount.</summary>
    public string MountDirectory => Path.Combine(BuildDirectory, "mnt");

    /// <summary>The path of a file inside the image's root tree.</summary>
    public string InRoot(string pathInImage) => Path.Combine(Root, pathInImage.TrimStart('/'));
}
