using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.FileCopy;

/// <summary>bootstrap-vz's file_copy plugin: host files and directories copied into the image, and directories created, with mode, owner and group.</summary>
public sealed class FileCopyPlugin : Plugin<FileCopySettings>
{
    public const string PluginName = "file_copy";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin file_copy", typeof(FileCopyPlugin).Assembly, "Plugins/FileCopy/manifest-schema.yml");

    public override FileCopySettings Bind(SettingsSection section) => FileCopySettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, FileCopySettings settings)
    {
        if (settings.IsEmpty)
        {
            yield return new ManifestError(settings.Where.Section, "file_copy needs `files`, `mkdirs` or both");
        }

        for (var index = 0; index < settings.Files.Count; index++)
        {
            var file = settings.Files[index];
            if (!Exists(file.Source))
            {
                yield return settings.Where.ErrorAt($"files[{index}].src", $"the source {file.WrittenSource} does not exist (looked for {file.Source})");
            }
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, FileCopySettings settings)
    {
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
