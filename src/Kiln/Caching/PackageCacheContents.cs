namespace Kiln.Caching;

/// <summary>The .deb files of the package cache (one directory per release, architecture and sources) and their bytes.</summary>
public sealed record PackageCacheContents(int Files, long Bytes)
{
    /// <summary>What the package cache below <paramref name="directory"/> holds (<c>kiln doctor</c>).</summary>
    public static PackageCacheContents Measure(string? directory) =>
        directory is null || !Directory.Exists(directory)
            ? new PackageCacheContents(0, 0)
            : Directory.EnumerateFiles(directory, "*.deb", SearchOption.AllDirectories)
                .Aggregate(new PackageCacheContents(0, 0), (sum, file) => new PackageCacheContents(sum.Files + 1, sum.Bytes + new FileInfo(file).Length));

    /// <summary>Removes the package cache below <paramref name="directory"/> (<c>kiln clean --cache</c>) and says what it held.</summary>
    public static PackageCacheContents Clean(string? directory)
    {
        var contents = Measure(directory);
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return contents;
    }
}
