using Kiln.Common.Bootstrap;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Caching;

/// <summary>
/// The bootstrap with a store of trees in front of it (the automatic cache, or the prebootstrapped plugin's
/// folder): the stored tree is copied into the root when it is exactly what the bootstrap would make, the
/// archives' package indexes have not changed since, and it is whole; otherwise the system is bootstrapped
/// and the new tree stored (replacing a stale one) before anything else changes the root.
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
        var fingerprint = BootstrapFingerprint.Compute(context, await ToolVersionAsync(context, cancellationToken));
        store.Create();
        using var entryLock = await FileLock.AcquireAsync(store.LockOf(fingerprint.Key), context.Announce, cancellationToken);
        foreach (var leftover in store.LeftoversOf(fingerprint.Key))
        {
            await RemoveAsync(context, leftover, cancellationToken);
        }

        var architecture = context.Manifest.System.UserspaceArchitecture ?? context.Manifest.System.Architecture;
        var indexes = await ArchiveIndexState.ReadAsync(ArchiveSources.FromEarlyFiles(context.EarlyFiles), architecture, cancellationToken);
        var stored = StoredTreeRecord.Read(store.RecordOf(fingerprint.Key));
        var verdict = StoredTreeVerdict.Judge(stored, Directory.Exists(store.TreeOf(fingerprint.Key)), fingerprint.Text, indexes);
        if (verdict.Reuse && TreeDigest.Compute(store.TreeOf(fingerprint.Key)).Digest != stored!.TreeDigest)
        {
            verdict = new StoredTreeVerdict(false, "the stored tree is damaged (its files changed since it was stored)");
        }

        if (verdict.Reuse)
        {
            context.Announce($"{name}: hit, {verdict.Reason}; copying it from {store.EntryOf(fingerprint.Key)}");
            await context.Runner.RunCheckedAsync(CopyTree(store.TreeOf(fingerprint.Key), context.Paths.Root), cancellationToken);
            store.Touch(fingerprint.Key);
            var installed = stored!.Installed.ToHashSet(StringComparer.Ordinal);
            context.Packages.MarkInstalled(context.Packages.Requests.Where(r => installed.Contains(KeyOf(r))));
            return;
        }

        context.Announce($"{name}: miss, {verdict.Reason}; bootstrapping and storing the tree in {store.EntryOf(fingerprint.Key)}");
        await BootstrapSystem.BootstrapAsync(context, cancellationToken);
        var pending = context.Packages.Pending.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        var installedNow = context.Packages.Requests.Select(KeyOf).Where(k => !pending.Contains(k)).ToList();
        await StoreAsync(context, store, fingerprint.Key, new StoredTreeRecord(fingerprint.Text, indexes, installedNow, DateTimeOffset.UtcNow), cancellationToken);
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

    private static async Task StoreAsync(BuildContext context, TreeStore store, string key, StoredTreeRecord record, CancellationToken cancellationToken)
    {
        var partial = store.PartialOf(key);
        var removePartial = context.Undo.Push($"remove the unfinished stored tree {partial}", ct => RemoveAsync(context, partial, ct));
        Directory.CreateDirectory(partial);
        await context.Runner.RunCheckedAsync(CopyTree(context.Paths.Root, Path.Combine(partial, "root")), cancellationToken);
        var (digest, bytes) = TreeDigest.Compute(Path.Combine(partial, "root"));
        await File.WriteAllTextAsync(Path.Combine(partial, "tree.json"), (record with { TreeDigest = digest, Bytes = bytes }).ToJson(), cancellationToken);
        var entry = store.EntryOf(key);
        string? replaced = null;
        if (Directory.Exists(entry))
        {
            replaced = partial + ".replaced";
            Directory.Move(entry, replaced);
        }

        // The record is written before the rename: an entry without tree.json (a crash mid-copy) is never used.
        Directory.Move(partial, entry);
        removePartial.Dismiss();
        if (replaced is not null)
        {
            await RemoveAsync(context, replaced, cancellationToken);
        }
    }

    private static async Task EvictAsync(BuildContext context, TreeStore store, string key, CancellationToken cancellationToken)
    {
        // An entry another build holds is in use: it stays until that build is done.
        using var held = FileLock.TryAcquire(store.LockOf(key));
        if (held is null)
        {
            return;
        }

        context.Announce($"cache: removing the least recently used tree {store.EntryOf(key)} (the cache is over its size limit)");
        await RemoveAsync(context, store.EntryOf(key), cancellationToken);
    }

    private static Task RemoveAsync(BuildContext context, string directory, CancellationToken cancellationToken) =>
        Directory.Exists(directory) ? context.Runner.RunCheckedAsync(TreeStore.Remove(directory), cancellationToken) : Task.CompletedTask;

    private static async Task<string> ToolVersionAsync(BuildContext context, CancellationToken cancellationToken)
    {
        var program = context.Manifest.Bootstrapper.Tool == BootstrapTool.Debootstrap ? "debootstrap" : "mmdebstrap";
        var result = await context.Runner.RunCheckedAsync(new CommandLine(program, "--version"), cancellationToken);
        return result.StandardOutput;
    }

    /// <summary>How <see cref="PackageSet"/> tells requests apart.</summary>
    private static string KeyOf(PackageRequest request) => request.LocalPath ?? request.AptArgument;
}
