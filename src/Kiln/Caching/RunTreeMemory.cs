using Kiln.Builds;
using Kiln.Disks;
using Kiln.Plugins.TmpfsWorkspace;
using Kiln.Specs;

namespace Kiln.Caching;

/// <summary>
/// Whether the store of a run's shared trees (<see cref="RunTreeStore"/>) goes into memory, together with the
/// builds that use it: a run without the cache keeps nothing of it once it ends, so writing its trees to disk only
/// costs time, as for a single build without the cache (<see cref="InMemoryWorkspace"/>). It does when every build
/// that uses the store would go into memory on its own, and the host's available memory holds, at once, the store
/// (a tree per bootstrap, each at most its disk, plus scratch room), the tmpfs of as many of the run's builds in
/// memory as run at a time (the largest: <see cref="Builds.ConcurrentBuildMemory"/>; builds with the cache go into
/// memory too), and <see cref="InMemoryWorkspace.Headroom"/> for everything else. Otherwise the store stays on disk
/// and its builds in memory bootstrap into it through a bind mount, as those of the cache do.
/// </summary>
public static class RunTreeMemory
{
    /// <param name="specs">The run's builds, resolved as if the store were in memory.</param>
    /// <param name="store">The run's store.</param>
    /// <param name="jobs">How many builds run at a time.</param>
    /// <param name="available">The host's available memory, or null when unknown.</param>
    /// <returns>The size of the tmpfs to mount on the store, or null to keep the store (and its builds) on disk.</returns>
    public static ByteSize? Decide(IReadOnlyCollection<BuildSpec> specs, TreeCacheSettings store, int jobs, ByteSize? available)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(store);
        var users = specs.Where(s => s.TreeCache?.Directory == store.Directory).ToList();
        if (users.Count == 0 || available is not { } memory || users.Any(s => s.InMemoryWorkspace?.Size is null || s.Layout is null))
        {
            return null;
        }

        var trees = users.GroupBy(BootstrapGroup.KeyOf, StringComparer.Ordinal).Sum(g => g.Max(s => s.Layout!.TotalSize.Bytes));
        var size = new ByteSize(trees + InMemoryWorkspace.Scratch.Bytes);
        var builds = Builds.ConcurrentBuildMemory.InMemoryBytes(specs, jobs);
        return memory.Bytes >= size.Bytes + builds + InMemoryWorkspace.Headroom.Bytes ? size : null;
    }
}
