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
        var entries = deb822Files.SelectMany(ParseDeb822).Concat(oneLineFiles.SelectMany(ParseOneLine)).ToList();
        string? archive = null;
        string? security = null;
        foreach (var (uri, suite) in entries)
        {
            var isSecurity = suite.EndsWith("-security", StringComparison.Ordinal) || suite.EndsWith("/updates", StringComparison.Ordinal);
            var baseSuite = suite.Split('-', '/')[0];
            if (ReleaseCatalog.Find(baseSuite) is null)
            {
                continue;
            }

            if (isSecurity)
            {
                security ??= uri;
            }
            else if (!suite.Contains('-', StringComparison.Ordinal))
            {
                archive ??= uri;
            }
        }

        return new AptMirrors(archive?.TrimEnd('/'), security?.TrimEnd('/'));
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
