using Kiln.Common;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>The dpkg configuration files (path in the image to text) that carry the manifest's path filters.</summary>
public static class DpkgFilterFiles
{
    public const string ConfigDirectory = "/etc/dpkg/dpkg.cfg.d";

    public static IReadOnlyDictionary<string, string> For(MinimizeSizeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (settings.ExcludeDocs)
        {
            files[$"{ConfigDirectory}/10exclude-docs"] = Asset("10exclude-docs");
        }

        if (settings.DpkgLocales is { } locales)
        {
            files[$"{ConfigDirectory}/10filter-locales"] = WithKept(Asset("10filter-locales"), locales.Select(l => $"path-include=/usr/share/locale/{l}/*"));
            if (!settings.ExcludeManPages)
            {
                files[$"{ConfigDirectory}/10filter-manpages"] = WithKept(Asset("10filter-manpages"), locales.Select(l => $"path-include=/usr/share/man/{l}/*"));
            }
        }

        if (settings.ExcludeManPages)
        {
            files[$"{ConfigDirectory}/10exclude-man-pages"] = Asset("10exclude-man-pages");
        }

        return files;
    }

    private static string WithKept(string template, IEnumerable<string> lines) =>
        template.Replace("@KEEP@\n", string.Concat(lines.Select(line => line + "\n")), StringComparison.Ordinal);

    private static string Asset(string name) => ImageFiles.Asset<MinimizeSizePlugin>($"Plugins/MinimizeSize/assets/{name}");
}
