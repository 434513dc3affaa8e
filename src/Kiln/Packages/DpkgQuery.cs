using Kiln.Host;

namespace Kiln.Packages;

/// <summary>
/// What dpkg's database says is installed: the <c>dpkg-query</c> command run inside the image, and the parser of
/// its output. The raw <c>Source</c> field is read (<c>glibc</c>, or <c>glibc (2.36-9)</c> when the source's
/// version differs from the binary's, as after a binNMU) rather than dpkg's <c>source:</c> virtual fields, which
/// older dpkg releases lack.
/// </summary>
public static class DpkgQuery
{
    /// <summary>One line per package: status abbreviation, name, version, architecture and the Source field, tab-separated.</summary>
    public const string Format = "${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\t${Source}\n";

    public static CommandLine Command => new("dpkg-query", "-W", "-f", Format);

    /// <summary>
    /// The packages whose files are in the image, sorted by name and architecture. Packages that are not installed
    /// or only left their configuration files (status <c>n</c> or <c>c</c>, the second letter of the abbreviation) are left out.
    /// </summary>
    public static IReadOnlyList<InstalledPackage> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var packages = new List<InstalledPackage>();
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            var fields = line.Split('\t');
            if (fields.Length != 5 || fields[0].Length < 2 || fields[1].Length == 0)
            {
                throw new FormatException($"dpkg-query printed a line Kiln cannot read: `{line}`");
            }

            var (status, name, version, architecture, source) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
            if (status[1] is 'n' or 'c')
            {
                continue;
            }

            var (sourceName, sourceVersion) = ParseSource(source, name, version);
            packages.Add(new InstalledPackage(name, version, architecture, sourceName, sourceVersion));
        }

        return [.. packages.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Architecture, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A package's source from its <c>Source</c> field (Debian Policy 5.6.1): empty means the package's own name,
    /// <c>NAME (VERSION)</c> gives the source's version, otherwise it is the binary's.
    /// </summary>
    public static (string Name, string Version) ParseSource(string source, string package, string version)
    {
        ArgumentNullException.ThrowIfNull(source);
        var field = source.Trim();
        if (field.Length == 0)
        {
            return (package, version);
        }

        var open = field.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (field, version);
        }

        var close = field.IndexOf(')', open);
        if (close < 0 || open == 0)
        {
            throw new FormatException($"the Source field of {package} is not `NAME` or `NAME (VERSION)`: `{source}`");
        }

        return (field[..open].Trim(), field[(open + 1)..close].Trim());
    }
}
