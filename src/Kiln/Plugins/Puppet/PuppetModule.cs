using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Puppet;

/// <summary>
/// One entry of <c>install_modules</c>: a Forge module (<c>[author-name]</c> or <c>[author-name, version]</c>), or
/// a module archive on the build host (<c>[./modules/author-name-1.0.0.tar.gz]</c>, Kiln's addition).
/// </summary>
public sealed record PuppetModule(string Name, string? Version, string? ArchivePath)
{
    public bool IsArchive => ArchivePath is not null;

    public static PuppetModule From(JArray entry, string manifestDirectory)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var name = (string)entry[0]!;
        var version = entry.Count > 1 ? VersionText(entry[1]) : null;
        return IsArchiveName(name)
            ? new PuppetModule(Path.GetFileName(name), version, Path.GetFullPath(name, manifestDirectory))
            : new PuppetModule(name, version, null);
    }

    /// <summary>An archive is named by its path: it ends in .tar.gz or .tgz, or starts with / or ./.</summary>
    public static bool IsArchiveName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal) || name.StartsWith('/') || name.StartsWith("./", StringComparison.Ordinal) || name.StartsWith("../", StringComparison.Ordinal);
    }

    // bootstrap-vz's schema took the version as a number; YAML reads 4.10 as 4.1, so the docs ask for quoted versions.
    private static string? VersionText(JToken? token) => token switch
    {
        JValue { Value: string text } => text,
        JValue { Value: IFormattable number } => number.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}
