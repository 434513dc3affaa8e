using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Commands;

/// <summary>
/// bootstrap-vz's commands plugin: commands run on the host once the image's packages are installed and its
/// files are copied, with <c>{root}</c> and manifest values filled in. A failing command fails the build.
/// </summary>
public sealed class CommandsPlugin : Plugin<CommandsSettings>
{
    public const string PluginName = "commands";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin commands", typeof(CommandsPlugin).Assembly, "Plugins/Commands/manifest-schema.yml");

    public override CommandsSettings Bind(SettingsSection section) => CommandsSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, CommandsSettings settings)
    {
        var template = new CommandTemplate(spec.Values, spec.Manifest.BuildTime, "/", "mirror", "security");
        for (var command = 0; command < settings.Commands.Count; command++)
        {
            for (var part = 0; part < settings.Commands[command].Count; part++)
            {
                var problems = new List<string>();
                template.Render(settings.Commands[command][part], problems);
                foreach (var problem in problems)
                {
                    yield return settings.Where.ErrorAt($"commands[{command}][{part}]", problem);
                }
            }
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, CommandsSettings settings) => tasks.Add<RunManifestCommands>();
}
