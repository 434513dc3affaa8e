using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.FileCopy;

/// <summary>The file_copy plugin's settings: directories to create and files to copy (sources resolved against the manifest's directory).</summary>
public sealed record FileCopySettings(IReadOnlyList<DirectoryEntry> Directories, IReadOnlyList<FileEntry> Files)
{
    public static FileCopySettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = manifest.PluginSettings(FileCopyPlugin.PluginName);
        var directories = (settings["mkdirs"] as JArray ?? []).OfType<JObject>()
            .Select(entry => new DirectoryEntry((string)entry["dir"]!, PathAttributes.From(entry)));
        var files = (settings["files"] as JArray ?? []).OfType<JObject>()
            .Select(entry => new FileEntry(Path.GetFullPath((string)entry["src"]!, manifest.Document.Directory), (string)entry["dst"]!, PathAttributes.From(entry)));
        return new FileCopySettings([.. directories], [.. files]);
    }
}
