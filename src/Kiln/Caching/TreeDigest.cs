using System.Globalization;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.Caching;

/// <summary>
/// A digest of a tree's shape: every entry's path, kind, mode, size, modification time and link target, in
/// path order (symbolic links are recorded, never followed). A stored tree whose digest no longer matches was
/// changed or half-removed since it was stored and is never used. File contents are not read (that would cost
/// as much as the copy): a change that keeps a file's size and modification time goes unnoticed.
/// </summary>
public static class TreeDigest
{
    public static (string Digest, long Bytes) Compute(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        foreach (var path in Entries(root).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(path);
            var link = info.LinkTarget;
            var kind = link is not null ? 'l' : info.Attributes.HasFlag(FileAttributes.Directory) ? 'd' : 'f';
            var size = kind == 'f' ? info.Length : 0;
            var mode = kind == 'l' ? 0 : (int)info.UnixFileMode;
            var modified = kind == 'l' ? 0 : info.LastWriteTimeUtc.Ticks;
            bytes += size;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetRelativePath(root, path)}\0{kind}\0{mode}\0{size}\0{modified}\0{link}\n");
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), bytes);
    }

    /// <summary>Every entry below <paramref name="root"/>, without descending into symbolic links (a tree links to itself and to the host).</summary>
    private static FileSystemEnumerable<string> Entries(string root) =>
        new(root, (ref FileSystemEntry entry) => entry.ToFullPath(), new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false })
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !entry.Attributes.HasFlag(FileAttributes.ReparsePoint),
        };
}
