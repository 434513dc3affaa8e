using Kiln.Tasks;

namespace Kiln.Caching;

/// <summary>The build's layered root while it is mounted: the undo step that unmounts it, so that the root's removal can give it back early.</summary>
public sealed class LayeredRootMount
{
    public UndoEntry? Unmount { get; set; }

    /// <summary>
    /// The stored tree and the build's changes lie on two filesystems (a build in memory on a store on disk, or in
    /// another tmpfs): the overlay's inode numbers are then unique only with each layer's device, which a writer that
    /// takes them for the new filesystem's own (mkfs.btrfs --rootdir) cannot tell apart.
    /// </summary>
    public bool SpansFilesystems { get; set; }
}
