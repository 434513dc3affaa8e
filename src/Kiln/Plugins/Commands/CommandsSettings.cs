using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Commands;

/// <summary>The commands plugin's settings: the commands, each a list of parts, and the manifest's directory they run from.</summary>
public sealed record CommandsSettings(IReadOnlyList<IReadOnlyList<string>> Commands, string WorkingDirectory)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static CommandsSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var commands = section.Object["commands"] as JArray ?? [];
        return new CommandsSettings([.. commands.OfType<JArray>().Select(command => (IReadOnlyList<string>)[.. command.Select(part => (string)part!)])], section.ManifestDirectory)
        {
            Where = section.Locations,
        };
    }
}
