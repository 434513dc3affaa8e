using Kiln.Common;
using Kiln.Packages;
using System.Text;

namespace Kiln.Caching;

/// <summary>
/// The archives the bootstrap's apt reads, taken from the apt configuration placed in the root before it:
/// sources.list and sources.list.d, in the one-line (<c>.list</c>) and the deb822 (<c>.sources</c>) format.
/// </summary>
public static class ArchiveSources
{
    private const string SourcesList = "/etc/apt/sources.list";
    private const string SourcesDirectory = "/etc/apt/sources.list.d/";

    public static IReadOnlyList<ArchiveSource> FromEarlyFiles(IReadOnlyDictionary<string, EarlyFile> earlyFiles)
    {
        ArgumentNullException.ThrowIfNull(earlyFiles);
        var sources = new List<ArchiveSource>();
        foreach (var (path, file) in earlyFiles.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var text = Encoding.UTF8.GetString(file.Content);
            if (path == SourcesList || (path.StartsWith(SourcesDirectory, StringComparison.Ordinal) && path.EndsWith(".list", StringComparison.Ordinal)))
            {
                sources.AddRange(FromOneLineFormat(text));
            }
            else if (path.StartsWith(SourcesDirectory, StringComparison.Ordinal) && path.EndsWith(".sources", StringComparison.Ordinal))
            {
                sources.AddRange(FromDeb822(text));
            }
        }

        return Merge(sources);
    }

    public static IEnumerable<ArchiveSource> FromOneLineFormat(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("deb ", StringComparison.Ordinal) || line.StartsWith("deb\t", StringComparison.Ordinal))
            .Select(AptSourceLine.Parse)
            .Select(line => new ArchiveSource(line.Uri.TrimEnd('/'), line.Suite, line.Components));
    }

    public static IEnumerable<ArchiveSource> FromDeb822(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var stanza in Deb822Stanzas(text))
        {
            if (!Words(stanza, "Types").Contains("deb") || stanza.GetValueOrDefault("Enabled")?.Trim() == "no")
            {
                continue;
            }

            var components = Words(stanza, "Components");
            foreach (var uri in Words(stanza, "URIs"))
            {
                foreach (var suite in Words(stanza, "Suites"))
                {
                    yield return new ArchiveSource(uri.TrimEnd('/'), suite, components);
                }
            }
        }
    }

    /// <summary>One entry per URI and suite, with the components of every line that names them.</summary>
    private static List<ArchiveSource> Merge(IEnumerable<ArchiveSource> sources) =>
        [.. sources.GroupBy(s => (s.Uri, s.Suite))
            .Select(group => new ArchiveSource(group.Key.Uri, group.Key.Suite, [.. group.SelectMany(s => s.Components).Distinct(StringComparer.Ordinal)]))];

    private static List<string> Words(Dictionary<string, string> stanza, string field) =>
        [.. (stanza.GetValueOrDefault(field) ?? string.Empty).Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)];

    private static IEnumerable<Dictionary<string, string>> Deb822Stanzas(string text)
    {
        var stanza = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? field = null;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Append(string.Empty))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.Trim().Length == 0)
            {
                if (stanza.Count > 0)
                {
                    yield return stanza;
                    stanza = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                field = null;
            }
            else if (char.IsWhiteSpace(line[0]) && field is not null)
            {
                stanza[field] += "\n" + line.Trim();
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                field = line[..colon].Trim();
                stanza[field] = line[(colon + 1)..].Trim();
            }
        }
    }
}
