using System.Formats.Tar;
using System.Text;

namespace Kiln.Providers.Docker;

/// <summary>
/// Writes a container image as the two archives container tools load: an OCI image layout in a tar
/// (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/…</c>; podman's and skopeo's <c>oci-archive</c>) and a
/// docker-archive (<c>manifest.json</c> and the same blobs; what <c>docker load</c> reads). Entries are in name
/// order, owned by 0:0 with fixed modes and the image's creation time, so equal images make equal archives.
/// </summary>
public static class ContainerArchives
{
    public static Task WriteOciArchiveAsync(OciImage image, string path, DateTimeOffset mtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return WriteAsync(path, mtime,
        [
            ("oci-layout", Encoding.UTF8.GetBytes(OciImage.LayoutVersionJson), null),
            ("index.json", Encoding.UTF8.GetBytes(image.IndexJson), null),
            .. Blobs(image, includeManifest: true),
        ], cancellationToken);
    }

    public static Task WriteDockerArchiveAsync(OciImage image, string path, DateTimeOffset mtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return WriteAsync(path, mtime,
        [
            ("manifest.json", Encoding.UTF8.GetBytes(image.DockerManifestJson), null),
            .. Blobs(image, includeManifest: false),
        ], cancellationToken);
    }

    private static IEnumerable<(string Name, byte[]? Content, string? File)> Blobs(OciImage image, bool includeManifest)
    {
        var blobs = includeManifest ? new[] { image.Config, image.Manifest, image.Layer } : [image.Config, image.Layer];
        return blobs.DistinctBy(b => b.Digest).Select(b => (b.LayoutPath, b.Content, b.File));
    }

    private static async Task WriteAsync(string path, DateTimeOffset mtime, IReadOnlyList<(string Name, byte[]? Content, string? File)> files, CancellationToken cancellationToken)
    {
        await using var output = File.Create(path);
        await using var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: false);
        var directories = files.SelectMany(f => Parents(f.Name)).Distinct(StringComparer.Ordinal);
        var entries = directories.Select(d => (Name: d + "/", Content: (byte[]?)null, File: (string?)null, Directory: true))
            .Concat(files.Select(f => (f.Name, f.Content, f.File, Directory: false)))
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var (name, content, file, directory) in entries)
        {
            var entry = new UstarTarEntry(directory ? TarEntryType.Directory : TarEntryType.RegularFile, name)
            {
                ModificationTime = mtime,
                Mode = directory ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100,
                Uid = 0,
                Gid = 0,
            };
            await using Stream? data = file is not null ? File.OpenRead(file) : content is not null ? new MemoryStream(content) : null;
            if (data is not null)
            {
                entry.DataStream = data;
            }

            await writer.WriteEntryAsync(entry, cancellationToken);
        }
    }

    private static IEnumerable<string> Parents(string name)
    {
        for (var cut = name.IndexOf('/', StringComparison.Ordinal); cut > 0; cut = name.IndexOf('/', cut + 1))
        {
            yield return name[..cut];
        }
    }
}
