using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Commands;

/// <summary>
/// bootstrap-vz's commands plugin: commands run on the host once the image's packages are installed and its
/// files are copied, with <c>{root}</c> and manifest values filled in. A failing command fails the build.
/// </summary>
public sealed class CommandsPlugin : IPlugin
{
    public const string PluginName = "commands";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin commands", typeof(CommandsPlugin).Assembly, "Plugins/Commands/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var template = new CommandTemplate(manifest, "/", "mirror", "security");
        var commands = manifest.Document.Root.SelectToken("plugins.commands.commands") as JArray ?? [];
        foreach (var part in commands.OfType<JArray>().SelectMany(command => command))
        {
            var problems = new List<string>();
            template.Render((string)part!, problems);
            foreach (var problem in problems)
            {
                yield return manifest.Document.ErrorAt(part, problem);
            }
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<RunManifestCommands>();
    }

    /// <summary>The manifest's commands, each a list of parts.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Commands(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var commands = manifest.PluginSettings(PluginName)["commands"] as JArray ?? [];
        return [.. commands.OfType<JArray>().Select(command => (IReadOnlyList<string>)[.. command.Select(part => (string)part!)])];
    }
}
