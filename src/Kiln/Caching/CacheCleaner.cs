using Kiln.Host;

namespace Kiln.Caching;

/// <summary>
/// <c>kiln clean --cache</c>: removes every stored tree (and what crashed builds left half-stored) that no
/// build holds at the moment; trees in use stay.
/// </summary>
public sealed class CacheCleaner(ICommandRunner runner)
{
    public async Task<CacheCleaning> CleanAsync(TreeStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!Directory.Exists(store.Folder))
        {
            return new CacheCleaning(0, 0, 0);
        }

        var removed = 0;
        var inUse = 0;
        long bytes = 0;
        foreach (var key in store.Keys())
        {
            using var held = FileLock.TryAcquire(store.LockOf(key));
            using var unused = store.TryHoldUnused(key);
            if (held is null || unused is null)
            {
                inUse++;
                continue;
            }

            bytes += StoredTreeRecord.Read(store.RecordOf(key))?.Bytes ?? 0;
            foreach (var directory in store.LeftoversOf(key).Append(store.EntryOf(key)).Where(Directory.Exists))
            {
                await runner.RunCheckedAsync(TreeStore.Remove(directory), cancellationToken);
            }

            File.Delete(store.LockOf(key));
            File.Delete(store.UsersOf(key));
            removed++;
        }

        return new CacheCleaning(removed, inUse, bytes);
    }
}
