using Kiln.Host;

namespace Kiln.Disks;

/// <summary>
/// How a tree goes into a FAT filesystem in an order that depends on its names alone. <c>mcopy -s</c> copies a
/// directory in the order its filesystem lists it (hash order on ext4, creation order on tmpfs), and a FAT
/// directory keeps its entries in the order they were made, so the same tree gave different ESPs on different
/// build filesystems. Instead each directory's files go in with one mcopy, sorted, then each subdirectory is made
/// by copying an empty stand-in directory of the same name and times (mcopy -m keeps a directory's time; mmd
/// would take the clock's), and is filled the same way.
/// </summary>
public sealed record FatCopyPlan(IReadOnlyList<FatCopyPlan.StandIn> StandIns, IReadOnlyList<CommandLine> Commands)
{
    /// <summary>An empty directory to make at <paramref name="Path"/> with the times of <paramref name="Source"/> before the commands run.</summary>
    public sealed record StandIn(string Path, string Source);

    /// <param name="source">The tree to copy.</param>
    /// <param name="listing">Lists a directory: its subdirectories and its other entries (files), any order.</param>
    /// <param name="standIns">Where the empty stand-in directories may be made (one numbered directory each).</param>
    /// <param name="diskFile">The disk file.</param>
    /// <param name="offset">The FAT filesystem's offset in it.</param>
    public static FatCopyPlan For(string source, Func<string, (IEnumerable<string> Directories, IEnumerable<string> Files)> listing, string standIns, string diskFile, ByteSize offset)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var made = new List<StandIn>();
        var commands = new List<CommandLine>();
        Fill(source, "::/");
        return new FatCopyPlan(made, commands);

        void Fill(string directory, string target)
        {
            var (directories, files) = listing(directory);
            var sortedFiles = files.Order(StringComparer.Ordinal).ToList();
            if (sortedFiles.Count > 0)
            {
                commands.Add(FilesystemCommands.FatCopy(diskFile, offset, sortedFiles, target));
            }

            foreach (var subdirectory in directories.Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(subdirectory);
                var standIn = Path.Combine(standIns, made.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
                made.Add(new StandIn(standIn, subdirectory));
                commands.Add(FilesystemCommands.FatCopy(diskFile, offset, [standIn], target));
                Fill(subdirectory, $"{target}{name}/");
            }
        }
    }

    /// <summary>The real listing of a directory on this host (a link counts as a file: mcopy copies what it points to).</summary>
    public static (IEnumerable<string> Directories, IEnumerable<string> Files) List(string directory)
    {
        var entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().ToList();
        bool IsDirectory(FileSystemInfo e) => e is DirectoryInfo && e.LinkTarget is null;
        return (entries.Where(IsDirectory).Select(e => e.FullName).ToList(), entries.Where(e => !IsDirectory(e)).Select(e => e.FullName).ToList());
    }
}
