using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.FileCopy;

/// <summary>The file_copy plugin's settings: directories to create and files to copy (sources resolved against the manifest's directory).</summary>
public sealed record FileCopySettings(IReadOnlyList<DirectoryEntry> Directories, IReadOnlyList<FileEntry> Files)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    /// <summary>The manifest gave neither <c>files</c> nor <c>mkdirs</c>.</summary>
    public bool IsEmpty { get; init; }

    public static FileCopySettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var directories = (settings["mkdirs"] as JArray ?? []).OfType<JObject>()
            .Select(entry => new DirectoryEntry((string)entry["dir"]!, PathAttributes.From(entry)));
        var files = (settings["files"] as JArray ?? []).OfType<JObject>()
            .Select(entry => new FileEntry(section.FullPath((string)entry["src"]!), (string)entry["dst"]!, PathAttributes.From(entry)) { WrittenSource = (string)entry["src"]! });
        return new FileCopySettings([.. directories], [.. files])
        {
            Where = section.Locations,
            IsEmpty = settings["files"] is null && settings["mkdirs"] is null,
        };
    }
}
