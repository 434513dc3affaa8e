using Kiln.Common;
using Kiln.Host;

namespace Kiln.Caching;

/// <summary>
/// A folder of stored trees (the automatic cache, or the prebootstrapped plugin's folder): FOLDER/KEY/root (the
/// tree), FOLDER/KEY/tree.json (its record; its modification time is the entry's last use), FOLDER/KEY.lock
/// (held by the build that reads or replaces it), FOLDER/KEY.users (held shared by builds whose root is layered on
/// the entry), a note that marks the folder as Kiln's, and the bootstrappers' remembered versions (<see cref="ToolVersionMemo"/>).
/// </summary>
public sealed class TreeStore(string folder)
{
    public const string MarkerName = "kiln-saved-trees.txt";

    public string Folder { get; } = folder;

    public string Marker => Path.Combine(Folder, MarkerName);

    public string EntryOf(string key) => Path.Combine(Folder, key);

    public string TreeOf(string key) => Path.Combine(EntryOf(key), "root");

    public string RecordOf(string key) => Path.Combine(EntryOf(key), "tree.json");

    public string LockOf(string key) => Path.Combine(Folder, key + ".lock");

    /// <summary>Held shared by every build whose root is layered on the entry, for as long as that overlay is mounted.</summary>
    public string UsersOf(string key) => Path.Combine(Folder, key + ".users");

    /// <summary>
    /// The users' lock of <paramref name="key"/> held exclusively, or null when a build's root is layered on the entry
    /// (or on a tree it replaced) right now: the entry must not be removed or changed under that build.
    /// </summary>
    public FileLock? TryHoldUnused(string key) => FileLock.TryAcquire(UsersOf(key));

    /// <summary>A directory next to the entry where a new tree is put together before it replaces the entry.</summary>
    public string PartialOf(string key) => Path.Combine(Folder, $".{key}.partial-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>Directories a build that died while storing <paramref name="key"/> left behind (removed by the next build that holds its lock).</summary>
    public IEnumerable<string> LeftoversOf(string key) =>
        Directory.Exists(Folder) ? Directory.GetDirectories(Folder, $".{key}.partial-*") : [];

    /// <summary>Every key the store knows: whole entries, and half-stored ones of crashed builds.</summary>
    public IReadOnlyList<string> Keys() =>
        Directory.Exists(Folder)
            ? [.. Directory.GetDirectories(Folder)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Select(name => name.StartsWith('.') ? name[1..].Split(".partial-")[0] : name)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The removal of a stored tree: never past a mount point below it, whatever a build left mounted.</summary>
    public static CommandLine Remove(string directory) => new("rm", "-rf", "--one-file-system", "--", directory);

    public void Create()
    {
        Directory.CreateDirectory(Folder);
        if (!File.Exists(Marker))
        {
            File.WriteAllText(Marker, ImageFiles.Asset<TreeStore>("Caching/assets/kiln-saved-trees.txt"));
        }
    }

    /// <summary>Why <paramref name="folder"/> cannot keep saved trees, or null when it can (it is new, empty, or Kiln's).</summary>
    public static string? Problem(string folder)
    {
        if (File.Exists(folder))
        {
            return $"the prebootstrapped folder {folder} is a file; name a directory";
        }

        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any() || File.Exists(Path.Combine(folder, MarkerName)))
        {
            return null;
        }

        return $"{folder} holds files that are not Kiln's saved trees (a bootstrap-vz folder copy cannot be reused: Kiln keeps one tree per set of packages and checks it before use); name a new or empty directory";
    }

    /// <summary>The stored entries, least recently used first.</summary>
    public IReadOnlyList<(string Key, DateTime LastUsed, long Bytes)> Entries()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.GetDirectories(Folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(key => !key.StartsWith('.') && File.Exists(RecordOf(key)))
            .Select(key => (key, File.GetLastWriteTimeUtc(RecordOf(key)), StoredTreeRecord.Read(RecordOf(key))?.Bytes ?? 0))
            .OrderBy(entry => entry.Item2)];
    }

    /// <summary>Marks an entry as used now (least-recently-used eviction keeps it longest).</summary>
    public void Touch(string key) => File.SetLastWriteTimeUtc(RecordOf(key), DateTime.UtcNow);

    /// <summary>The entries to remove so that the store stays within <paramref name="limitBytes"/>, oldest use first, never <paramref name="keep"/>.</summary>
    public IReadOnlyList<string> OverLimit(long limitBytes, string keep)
    {
        var entries = Entries();
        var total = entries.Sum(e => e.Bytes);
        var evict = new List<string>();
        foreach (var (key, _, bytes) in entries)
        {
            if (total <= limitBytes)
            {
                break;
            }

            if (key != keep)
            {
                evict.Add(key);
                total -= bytes;
            }
        }

        return evict;
    }
}
