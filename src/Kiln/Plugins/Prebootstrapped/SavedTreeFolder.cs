using Kiln.Common;

namespace Kiln.Plugins.Prebootstrapped;

/// <summary>
/// The folder of saved trees: FOLDER/KEY/root (the tree), FOLDER/KEY/tree.json (its record), FOLDER/KEY.lock
/// (held by the build that reads or replaces it), and a note that marks the folder as Kiln's.
/// </summary>
public sealed class SavedTreeFolder(string folder)
{
    public const string MarkerName = "kiln-saved-trees.txt";

    public string Folder { get; } = folder;

    public string Marker => Path.Combine(Folder, MarkerName);

    public string EntryOf(string key) => Path.Combine(Folder, key);

    public string TreeOf(string key) => Path.Combine(EntryOf(key), "root");

    public string RecordOf(string key) => Path.Combine(EntryOf(key), "tree.json");

    public string LockOf(string key) => Path.Combine(Folder, key + ".lock");

    /// <summary>A directory next to the entry where a new tree is put together before it replaces the entry.</summary>
    public string PartialOf(string key) => Path.Combine(Folder, $".{key}.partial-{Guid.NewGuid().ToString("N")[..8]}");

    public void Create()
    {
        Directory.CreateDirectory(Folder);
        if (!File.Exists(Marker))
        {
            File.WriteAllText(Marker, ImageFiles.Asset<SavedTreeFolder>("Plugins/Prebootstrapped/assets/kiln-saved-trees.txt"));
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
}
