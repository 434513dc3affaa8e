using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.FileCopy;

/// <summary>bootstrap-vz's file_copy plugin: host files and directories copied into the image, and directories created, with mode, owner and group.</summary>
public sealed class FileCopyPlugin : IPlugin
{
    public const string PluginName = "file_copy";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin file_copy", typeof(FileCopyPlugin).Assembly, "Plugins/FileCopy/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var document = manifest.Document;
        var settings = document.Root.SelectToken("plugins.file_copy") as JObject ?? [];
        if (settings["files"] is null && settings["mkdirs"] is null)
        {
            yield return document.ErrorAt(settings, "file_copy needs `files`, `mkdirs` or both");
        }

        foreach (var entry in (settings["files"] as JArray ?? []).OfType<JObject>())
        {
            if (entry["src"] is JValue { Value: string source } && !Exists(Path.GetFullPath(source, document.Directory)))
            {
                yield return document.ErrorAt(entry["src"], $"the source {source} does not exist (looked for {Path.GetFullPath(source, document.Directory)})");
            }
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = FileCopySettings.From(manifest);
        if (settings.Directories.Count > 0)
        {
            tasks.Add<CreateDirectories>();
        }

        if (settings.Files.Count > 0)
        {
            tasks.Add<CopyFiles>();
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
