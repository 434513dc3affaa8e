using Kiln.Common.Bootstrap;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Caching;

/// <summary>
/// The bootstrap with a store of trees in front of it (the automatic cache, or the prebootstrapped plugin's
/// folder): the stored tree becomes the root when it is exactly what the bootstrap would make, the archives'
/// package indexes have not changed since, and it is whole; otherwise the system is bootstrapped and the new tree
/// moved into the store (replacing a stale one) before anything else changes the root. Either way the root is
/// then layered on the stored tree (<see cref="LayeredRoot"/>), so no tree is copied; where the kernel cannot layer
/// it, it is copied. A stored tree under a build's layered root is never removed or replaced in place.
/// </summary>
public static class TreeReuse
{
    /// <param name="context">The build.</param>
    /// <param name="store">The store of trees.</param>
    /// <param name="name">What the store is called in messages (<c>cache</c>, <c>prebootstrapped</c>).</param>
    /// <param name="sizeLimit">Evict least recently used entries beyond this many bytes, or null to keep every entry.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static async Task RunAsync(BuildContext context, TreeStore store, string name, long? sizeLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        store.Create();
        var fingerprint = BootstrapFingerprint.Compute(context, await ToolVersionAsync(context, store, cancellationToken));
        // Waiting for another build of the run that bootstraps this tree, a build gives its place in the run to the next one.
        using var entryLock = FileLock.TryAcquire(store.LockOf(fingerprint.Key))
            ?? await context.JobSlot.GivenBackWhileAsync(() => FileLock.AcquireAsync(store.LockOf(fingerprint.Key), context.Announce, cancellationToken), cancellationToken);
        using (var unused = store.TryHoldUnused(fingerprint.Key))
        {
            // A tree this entry replaced may still lie under another build's root: it goes once nobody uses it.
            foreach (var leftover in unused is null ? [] : store.LeftoversOf(fingerprint.Key))
            {
                await RemoveAsync(context, leftover, cancellationToken);
            }
        }

        var architecture = context.Manifest.System.UserspaceArchitecture ?? context.Manifest.System.Architecture;
        var indexes = await ArchiveIndexState.ReadAsync(ArchiveSources.FromEarlyFiles(context.EarlyFiles), architecture, cancellationToken);
        var stored = StoredTreeRecord.Read(store.RecordOf(fingerprint.Key));
        var verdict = StoredTreeVerdict.Judge(stored, Directory.Exists(store.TreeOf(fingerprint.Key)), fingerprint.Text, indexes);
        var checkedBy = string.Empty;
        if (verdict.Reuse)
        {
            // Listing the tree for its digest moves its directories' access times (relatime): under the root of a build
            // layered on it right now, they would go into that build's image. Such a build checked the tree (or stored
            // it) itself, so a tree in use is taken as it is, and one nobody uses is checked and its times set back.
            using var unused = store.TryHoldUnused(fingerprint.Key);
            if (unused is null)
            {
                checkedBy = " (another build's root is layered on it: that build checked it)";
            }
            else if (TreeDigest.Compute(store.TreeOf(fingerprint.Key)).Digest != stored!.TreeDigest)
            {
                verdict = new StoredTreeVerdict(false, "the stored tree is damaged (its files changed since it was stored)");
            }
            else
            {
                RestoreTimes(store.TreeOf(fingerprint.Key), stored.Times());
            }
        }

        if (verdict.Reuse)
        {
            context.StoredTreeTimes = stored!.Times();
            await UseStoredTreeAsync(context, store, fingerprint.Key, $"{name}: hit, {verdict.Reason}{checkedBy}; ", cancellationToken);
            store.Touch(fingerprint.Key);
            var installed = stored!.Installed.ToHashSet(StringComparer.Ordinal);
            context.Packages.MarkInstalled(context.Packages.Requests.Where(r => installed.Contains(KeyOf(r))));
            return;
        }

        context.Announce($"{name}: miss, {verdict.Reason}; bootstrapping and storing the tree in {store.EntryOf(fingerprint.Key)}");
        var directory = store.PartialOf(fingerprint.Key);
        var partial = new PartialEntry(directory, context.Undo.Push($"remove the unfinished stored tree {directory}", ct => RemoveAsync(context, directory, ct)));
        Directory.CreateDirectory(partial.Tree);
        if (context.Spec.InMemoryWorkspace is not null)
        {
            // A build in memory bootstraps straight into the store (on disk, or another tmpfs: no rename between
            // them), through a bind mount on its root, rather than copying the tree there afterwards.
            Directory.CreateDirectory(context.Paths.Root);
            partial.Bind = await new Mounts(context.Runner, context.Undo, context.Journal).BindAsync(partial.Tree, context.Paths.Root, cancellationToken);
        }

        await BootstrapSystem.BootstrapAsync(context, cancellationToken);
        var pending = context.Packages.Pending.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        var installedNow = context.Packages.Requests.Select(KeyOf).Where(k => !pending.Contains(k)).ToList();
        await StoreAsync(context, store, fingerprint.Key, partial, new StoredTreeRecord(fingerprint.Text, indexes, installedNow, DateTimeOffset.UtcNow), cancellationToken);
        if (sizeLimit is { } limit)
        {
            foreach (var key in store.OverLimit(limit, keep: fingerprint.Key))
            {
                await EvictAsync(context, store, key, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A copy that keeps everything a root tree holds: owners, modes, hard links, device nodes, ACLs and
    /// capabilities. <c>SOURCE/.</c> copies the content whether or not the target directory exists yet.
    /// </summary>
    public static CommandLine CopyTree(string source, string target) => new("cp", "-a", "--", source + "/.", target);

    /// <summary>
    /// The root layered on the stored entry, which stays in use (its users' lock held shared) until the overlay is
    /// unmounted at the end of the build; a copy of the tree where it cannot be layered.
    /// </summary>
    /// <remarks>
    /// A build directory that is a mount of its own because the build asked for it (the tmpfs_workspace plugin's
    /// tmpfs) gets a copy: that build asked for its whole tree in memory. One in memory by itself is layered, with
    /// the upper layer in its tmpfs, whether the store is on disk or in memory too (<see cref="RunTreeMemory"/>).
    /// </remarks>
    private static async Task UseStoredTreeAsync(BuildContext context, TreeStore store, string key, string news, CancellationToken cancellationToken)
    {
        var entry = store.EntryOf(key);
        if (context.Spec.InMemoryWorkspace is not null || !MountTable.ReadMountPoints().Contains(context.Paths.BuildDirectory))
        {
            var users = await FileLock.AcquireSharedAsync(store.UsersOf(key), cancellationToken);
            var release = context.Undo.Push($"stop using the stored tree {entry}", _ =>
            {
                users.Dispose();
                return Task.CompletedTask;
            });
            if (await LayeredRoot.TryMountAsync(context, entry, cancellationToken))
            {
                context.Announce($"{news}the root is layered on it ({entry})");
                return;
            }

            release.Dismiss();
            users.Dispose();
        }

        context.Announce($"{news}copying it from {entry}");
        Directory.CreateDirectory(context.Paths.Root);
        await context.Runner.RunCheckedAsync(CopyTree(store.TreeOf(key), context.Paths.Root), cancellationToken);
    }

    private static async Task StoreAsync(BuildContext context, TreeStore store, string key, PartialEntry partial, StoredTreeRecord record, CancellationToken cancellationToken)
    {
        // Clamped as it is stored, so a build on it writes only the times of what it changes (ClampFileTimes).
        if (context.SourceDateEpoch is { } epoch)
        {
            var clamp = TreeTimes.Clamp(context.Paths.Root, epoch.Seconds);
            context.StoredTreeTimes = clamp.StoredAt(epoch.Seconds);
            record = record with { TimesClampedTo = epoch.Seconds, LoweredTimes = clamp.Originals };
        }

        // The new tree is in the store already (bootstrapped through a bind mount), or moved there when the store is
        // on the build's filesystem, or else copied; the root is layered on it below unless it was copied.
        bool moved;
        if (partial.Bind is { } bind)
        {
            await Mounts.UnmountAsync(context.Runner, context.Paths.Root, cancellationToken);
            bind.Dismiss();
            Directory.Delete(context.Paths.Root);
            moved = true;
        }
        else
        {
            Directory.Delete(partial.Tree);
            moved = TryMove(context.Paths.Root, partial.Tree);
            if (!moved)
            {
                await context.Runner.RunCheckedAsync(CopyTree(context.Paths.Root, partial.Tree), cancellationToken);
            }
        }

        var (digest, bytes) = TreeDigest.Compute(partial.Tree);
        RestoreTimes(partial.Tree, context.StoredTreeTimes);
        await File.WriteAllTextAsync(Path.Combine(partial.Directory, "tree.json"), (record with { TreeDigest = digest, Bytes = bytes }).ToJson(), cancellationToken);
        var entry = store.EntryOf(key);
        string? replaced = null;
        if (Directory.Exists(entry))
        {
            replaced = partial.Directory + ".replaced";
            Directory.Move(entry, replaced);
        }

        // The record is written before the rename: an entry without tree.json (a crash mid-copy) is never used.
        Directory.Move(partial.Directory, entry);
        partial.Removal.Dismiss();
        if (replaced is not null)
        {
            using var unused = store.TryHoldUnused(key);
            if (unused is not null)
            {
                await RemoveAsync(context, replaced, cancellationToken);
            }
        }

        if (moved)
        {
            await UseStoredTreeAsync(context, store, key, "the new tree is stored; ", cancellationToken);
        }
    }

    /// <summary>
    /// Sets back the access times of a stored tree's directories, which listing them (its digest) moved: an
    /// entry whose times differ from the stored ones would be copied up into every root layered on it.
    /// </summary>
    private static void RestoreTimes(string tree, StoredTreeTimes? times)
    {
        if (times is not null)
        {
            TreeTimes.Clamp(tree, times.Epoch, times);
        }
    }

    /// <summary>Renames the bootstrapped root into the store; false when they are on different filesystems (or the root is a mount point).</summary>
    private static bool TryMove(string root, string target)
    {
        if (MountTable.ReadMountPoints().Contains(root))
        {
            return false;
        }

        try
        {
            Directory.Move(root, target);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task EvictAsync(BuildContext context, TreeStore store, string key, CancellationToken cancellationToken)
    {
        // An entry another build holds is in use: it stays until that build is done.
        using var held = FileLock.TryAcquire(store.LockOf(key));
        using var unused = store.TryHoldUnused(key);
        if (held is null || unused is null)
        {
            return;
        }

        context.Announce($"cache: removing the least recently used tree {store.EntryOf(key)} (the cache is over its size limit)");
        await RemoveAsync(context, store.EntryOf(key), cancellationToken);
    }

    private static Task RemoveAsync(BuildContext context, string directory, CancellationToken cancellationToken) =>
        Directory.Exists(directory) ? context.Runner.RunCheckedAsync(TreeStore.Remove(directory), cancellationToken) : Task.CompletedTask;

    private static Task<string> ToolVersionAsync(BuildContext context, TreeStore store, CancellationToken cancellationToken)
    {
        var program = context.Manifest.Bootstrapper.Tool == BootstrapTool.Debootstrap ? "debootstrap" : "mmdebstrap";
        return ToolVersionMemo.ReadAsync(
            store.Folder,
            context.FindProgram(program),
            async token => (await context.Runner.RunCheckedAsync(new CommandLine(program, "--version"), token)).StandardOutput,
            cancellationToken);
    }

    /// <summary>How <see cref="PackageSet"/> tells requests apart.</summary>
    private static string KeyOf(PackageRequest request) => request.LocalPath ?? request.AptArgument;
}
