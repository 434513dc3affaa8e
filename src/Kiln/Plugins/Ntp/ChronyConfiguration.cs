using System.Text.RegularExpressions;
using Kiln.Common;

namespace Kiln.Plugins.Ntp;

/// <summary>The chrony files the ntp plugin writes or changes (pure text in, text out).</summary>
public static partial class ChronyConfiguration
{
    public const string DisabledMarker = "# Kiln (ntp plugin): the manifest's servers replace this line, see sources.d/kiln.sources: ";

    /// <summary>The sources file: one <c>server NAME iburst</c> line per server (iburst: a fast first sync at boot).</summary>
    public static string SourcesFile(IEnumerable<string> servers) =>
        ImageFiles.Asset<NtpPlugin>("Plugins/Ntp/assets/kiln.sources")
            .Replace("@SERVERS@", string.Join('\n', servers.Select(server => $"server {server} iburst")), StringComparison.Ordinal);

    /// <summary>chrony.conf with its own pool and server lines commented out, so that only the manifest's servers are used.</summary>
    public static string WithoutDefaultSources(string configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return SourceLine().Replace(configuration, match => DisabledMarker + match.Value);
    }

    [GeneratedRegex(@"^[ \t]*(pool|server|peer)[ \t].*$", RegexOptions.Multiline | RegexOptions.ExplicitCapture)]
    private static partial Regex SourceLine();
}
