using System.Text;

namespace Kiln.Packages;

/// <summary>
/// The package list written beside the image (<c>NAME.packages.tsv</c>): a header line, then one tab-separated line
/// per installed package: name, version, architecture, source package, source version.
/// </summary>
public static class PackageListFile
{
    public const string Header = "package\tversion\tarchitecture\tsource\tsource_version";

    public static string Render(IEnumerable<InstalledPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var package in packages)
        {
            text.Append(package.Name).Append('\t').Append(package.Version).Append('\t').Append(package.Architecture).Append('\t')
                .Append(package.SourceName).Append('\t').Append(package.SourceVersion).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads a list <see cref="Render"/> wrote.</summary>
    public static IReadOnlyList<InstalledPackage> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != Header)
        {
            throw new FormatException($"a package list starts with the line `{Header}`");
        }

        return [.. lines.Skip(1).Select(line => line.Split('\t')).Select(f => f.Length == 5
            ? new InstalledPackage(f[0], f[1], f[2], f[3], f[4])
            : throw new FormatException($"a package list line has five tab-separated fields: `{string.Join('\t', f)}`"))];
    }
}
