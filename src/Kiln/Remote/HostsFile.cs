using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Remote;

/// <summary>
/// Reads a hosts file (<c>--hosts FILE</c>): a YAML list of build hosts, or bootstrap-vz's build-servers.yml (a
/// mapping from each server's name to its settings). Every problem is reported with its file:line:column (exit 2).
/// </summary>
public static class HostsFile
{
    public static IReadOnlyList<BuildHost> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new UserInputException(Directory.Exists(path)
                ? $"{path}: is a directory; give --hosts the path of a hosts file (YAML)"
                : $"{path}: no such hosts file; give --hosts the path of a YAML list of build hosts");
        }

        return Parse(File.ReadAllText(path), path, Environment.GetEnvironmentVariable("HOME"));
    }

    /// <param name="text">The file's text.</param>
    /// <param name="path">The file's path: errors name it, and relative key files are read from its directory.</param>
    /// <param name="home">The local home directory, for key files written as <c>~/...</c>.</param>
    public static IReadOnlyList<BuildHost> Parse(string text, string path, string? home)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var document = new ManifestDocument(path, YamlManifestParser.Parse(text, path));
        var errors = new List<ManifestError>();
        var entries = document.Root switch
        {
            JArray list => list.Select(item => (Name: (string?)null, Value: item)).ToList(),
            JObject servers => [.. servers.Properties().Select(p => ((string?)p.Name, p.Value))],
            _ => null,
        };
        if (entries is null || entries.Count == 0)
        {
            throw new ManifestException(new ManifestError(document.LocationOf(document.Root), "a hosts file is a list of build hosts, each with at least `address: user@server`, or bootstrap-vz's build-servers mapping"));
        }

        var reader = new HostEntryReader(document, errors, home);
        var hosts = entries.Select(entry => reader.Read(entry.Value, entry.Name)).OfType<BuildHost>().ToList();
        foreach (var duplicate in hosts.GroupBy(h => h.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ManifestError(new SourceLocation(path, 0, 0), $"two hosts are called `{duplicate.Key}`; give each a `name` of its own"));
        }

        if (errors.Count > 0)
        {
            throw new ManifestException([.. errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column)]);
        }

        return hosts;
    }
}
