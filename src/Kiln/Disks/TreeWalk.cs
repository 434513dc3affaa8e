using System.IO.Enumeration;

namespace Kiln.Disks;

/// <summary>Every entry below a directory, hidden ones included, without following symbolic links (a link is an entry, not a directory to enter).</summary>
public static class TreeWalk
{
    private static readonly EnumerationOptions Everything = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };

    public static IEnumerable<T> Entries<T>(string directory, FileSystemEnumerable<T>.FindTransform transform) =>
        new FileSystemEnumerable<T>(directory, transform, Everything)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == FileAttributes.None,
        };
}
