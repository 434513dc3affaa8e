using Kiln.Manifests;
using Kiln.Packages;

namespace Kiln.Host;

/// <summary>
/// Reads the Debian mirror out of apt's configuration text: deb822 <c>.sources</c> stanzas and one-line
/// <c>sources.list</c> entries. An entry counts when one of its suites is a Debian release or suite name.
/// </summary>
public static class AptSourcesParser
{
    public static AptMirrors FindMirrors(IEnumerable<string> deb822Files, IEnumerable<string> oneLineFiles)
    {
        ArgumentNullException.ThrowIfNull(deb822Files);
        ArgumentNullException.ThrowIfNull(oneLineFiles);
        var entries = deb822Files.SelectMany(ParseDeb822).Concat(oneLineFiles.SelectMany(ParseOneLine))
            .Where(entry => ReleaseCatalog.Find(entry.Suite.Split('-', '/')[0]) is not null)
            .ToList();

        // Third-party repositories can use Debian's suite names (a "stable" channel); an archive laid out
        // as Debian's (".../debian", ".../debian-security") is preferred, the first entry otherwise.
        var ranked = entries.OrderByDescending(entry => LooksLikeDebianArchive(entry.Uri)).ToList();
        var archive = ranked.Where(entry => !IsSecuritySuite(entry.Suite) && !entry.Suite.Contains('-', StringComparison.Ordinal)).Select(entry => entry.Uri).FirstOrDefault();
        var security = ranked.Where(entry => IsSecuritySuite(entry.Suite)).Select(entry => entry.Uri).FirstOrDefault();
        return new AptMirrors(archive?.TrimEnd('/'), security?.TrimEnd('/'));
    }

    private static bool IsSecuritySuite(string suite) =>
        suite.EndsWith("-security", StringComparison.Ordinal) || suite.EndsWith("/updates", StringComparison.Ordinal);

    private static bool LooksLikeDebianArchive(string uri)
    {
        var path = uri.TrimEnd('/');
        return path.EndsWith("/debian", StringComparison.Ordinal) || path.EndsWith("/debian-security", StringComparison.Ordinal);
    }

    /// <summary>(uri, suite) pairs of the enabled binary ("deb") entries of a deb822 file.</summary>
    public static IEnumerable<(string Uri, string Suite)> ParseDeb822(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var stanza in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = ParseStanza(stanza);
            var types = fields.GetValueOrDefault("types", "deb").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!types.Contains("deb") || fields.GetValueOrDefault("enabled", "yes") == "no")
            {
                continue;
            }

            var uris = fields.GetValueOrDefault("uris", string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var suites = fields.GetValueOrDefault("suites", string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var uri in uris)
            {
                foreach (var suite in suites)
                {
                    yield return (uri, suite);
                }
            }
        }
    }

    public static IEnumerable<(string Uri, string Suite)> ParseOneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (!line.StartsWith("deb ", StringComparison.Ordinal) && !line.StartsWith("deb\t", StringComparison.Ordinal))
            {
                continue;
            }

            AptSourceLine parsed;
            try
            {
                parsed = AptSourceLine.Parse(line);
            }
            catch (FormatException)
            {
                continue;
            }

            yield return (parsed.Uri, parsed.Suite);
        }
    }

    private static Dictionary<string, string> ParseStanza(string stanza)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in stanza.Split('\n'))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && current is not null)
            {
                fields[current] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                current = line[..colon].Trim().ToLowerInvariant();
                fields[current] = line[(colon + 1)..].Trim();
            }
        }

        return fields;
    }
}
