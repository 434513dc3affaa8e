using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Kiln.Caching;

/// <summary>
/// What a Release file says about the package indexes a build reads: the SHA256 lines of the Packages files
/// of its components for the image's architecture (and <c>all</c>). They change exactly when a package is
/// added, removed or updated; the Release file's own date changes far more often.
/// </summary>
public static partial class ReleaseIndexes
{
    /// <summary>A digest of the matching index lines, or of the whole file when it lists none of them.</summary>
    public static string Digest(string releaseText, ArchiveSource source, string architecture)
    {
        ArgumentNullException.ThrowIfNull(releaseText);
        ArgumentNullException.ThrowIfNull(source);
        var lines = PackageIndexLines(releaseText, source, architecture);
        var basis = lines.Count > 0 ? string.Join('\n', lines) : "release " + releaseText;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
    }

    public static IReadOnlyList<string> PackageIndexLines(string releaseText, ArchiveSource source, string architecture)
    {
        ArgumentNullException.ThrowIfNull(releaseText);
        ArgumentNullException.ThrowIfNull(source);
        var directories = source.IsFlat
            ? [string.Empty]
            : source.Components.SelectMany(c => new[] { $"{c}/binary-{architecture}/", $"{c}/binary-all/" }).ToList();
        return [.. Sha256Section(releaseText)
            .Select(line => IndexLine().Match(line))
            .Where(match => match.Success && directories.Any(d => match.Groups["path"].Value == d + "Packages" + match.Groups["suffix"].Value))
            .Select(match => $"{match.Groups["hash"].Value} {match.Groups["path"].Value}")
            .Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Sha256Section(string releaseText)
    {
        var inSection = false;
        foreach (var line in releaseText.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (!line.StartsWith(' '))
            {
                inSection = line.StartsWith("SHA256:", StringComparison.Ordinal);
                continue;
            }

            if (inSection)
            {
                yield return line.Trim();
            }
        }
    }

    [GeneratedRegex(@"^(?<hash>[0-9a-f]{64})\s+\d+\s+(?<path>\S*?Packages(?<suffix>\.[a-z0-9]+)?)$")]
    private static partial Regex IndexLine();
}
