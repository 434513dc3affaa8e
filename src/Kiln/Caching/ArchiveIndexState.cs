using Kiln.Packages;

namespace Kiln.Caching;

/// <summary>
/// The state of the package indexes of every archive a bootstrap reads, source name to digest (see
/// <see cref="ReleaseIndexes"/>). A source Kiln cannot read a Release file from is <see cref="Unknown"/>.
/// </summary>
public static class ArchiveIndexState
{
    public const string Unknown = "unknown";

    public static async Task<SortedDictionary<string, string>> ReadAsync(IReadOnlyList<ArchiveSource> sources, string architecture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var client = new MirrorClient();
        foreach (var source in sources)
        {
            state[source.Name] = await DigestAsync(client, source, architecture, cancellationToken);
        }

        return state;
    }

    private static async Task<string> DigestAsync(MirrorClient client, ArchiveSource source, string architecture, CancellationToken cancellationToken)
    {
        if (!IsReadable(source.Uri))
        {
            return Unknown;
        }

        foreach (var path in source.ReleasePaths)
        {
            if (await client.ReadTextAsync(source.Uri, path, cancellationToken) is { } release)
            {
                return ReleaseIndexes.Digest(release, source, architecture);
            }
        }

        return Unknown;
    }

    /// <summary>http, https and file archives can be read directly; apt's method URIs (mirror+, tor+, copy) cannot.</summary>
    public static bool IsReadable(string uri) =>
        uri.StartsWith("http://", StringComparison.Ordinal) || uri.StartsWith("https://", StringComparison.Ordinal) || uri.StartsWith("file:", StringComparison.Ordinal);
}
