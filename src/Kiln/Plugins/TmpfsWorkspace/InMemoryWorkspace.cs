using Kiln.Disks;
using Kiln.Manifests;

namespace Kiln.Plugins.TmpfsWorkspace;

/// <summary>
/// Whether a build that asked for no tmpfs gets one anyway: a build whose tree need not be renamed into the
/// prebootstrapped plugin's folder (the cache off; with the cache or a run's store, a miss bootstraps into the store
/// through a bind mount, and a hit is layered on it) keeps nothing of its build directory,
/// so writing it to disk only costs time (and, on a busy disk, a lot of it: the same bootstrap took 24 s in memory and
/// 24-40 s on this disk while writeback of an earlier build ran; a hit of the cache writes its filesystem in 0.65 s
/// in memory against 0.95 s on this disk). It goes into memory when <c>bootstrapper.in_memory</c> is not false and the host's available memory
/// holds the tmpfs (twice the disk: the tree and the disk file, plus scratch room) and two GiB more for everything
/// else; the tmpfs is limited to that size, so a build never takes more.
/// </summary>
public static class InMemoryWorkspace
{
    public static readonly ByteSize Scratch = ByteSize.FromMiB(512);

    public static readonly ByteSize Headroom = ByteSize.FromMiB(2048);

    /// <param name="bootstrapper">The manifest's bootstrapper section (<c>in_memory</c>).</param>
    /// <param name="keepsTree">The build's new tree is renamed into the prebootstrapped plugin's folder.</param>
    /// <param name="hasTmpfsPlugin">The manifest asks for the tmpfs_workspace plugin itself.</param>
    /// <param name="disk">The size of the disk the build writes, or null for a build without one.</param>
    /// <param name="available">The host's available memory, or null when unknown.</param>
    /// <returns>The tmpfs to mount on the build directory, or null to build on disk.</returns>
    public static TmpfsWorkspaceSettings? Decide(BootstrapperSection bootstrapper, bool keepsTree, bool hasTmpfsPlugin, ByteSize? disk, ByteSize? available)
    {
        ArgumentNullException.ThrowIfNull(bootstrapper);
        if (!bootstrapper.InMemory || keepsTree || hasTmpfsPlugin || disk is not { } size || available is not { } memory)
        {
            return null;
        }

        var tmpfs = new ByteSize(2 * size.Bytes + Scratch.Bytes);
        return memory.Bytes >= tmpfs.Bytes + Headroom.Bytes ? new TmpfsWorkspaceSettings(tmpfs) : null;
    }
}
