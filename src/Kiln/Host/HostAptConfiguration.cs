namespace Kiln.Host;

/// <summary>Reads the host's apt sources files to find the Debian mirror the host itself uses.</summary>
public static class HostAptConfiguration
{
    public static AptMirrors ReadMirrors(string etcApt = "/etc/apt")
    {
        var sourcesDirectory = Path.Combine(etcApt, "sources.list.d");
        var deb822 = Directory.Exists(sourcesDirectory)
            ? Directory.GetFiles(sourcesDirectory, "*.sources").Order(StringComparer.Ordinal).Select(File.ReadAllText)
            : [];
        var oneLine = new[] { Path.Combine(etcApt, "sources.list") }
            .Concat(Directory.Exists(sourcesDirectory) ? Directory.GetFiles(sourcesDirectory, "*.list").Order(StringComparer.Ordinal) : [])
            .Where(File.Exists)
            .Select(File.ReadAllText);
        return AptSourcesParser.FindMirrors([.. deb822], [.. oneLine]);
    }
}
