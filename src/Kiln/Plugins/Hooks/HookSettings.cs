using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Hooks;

/// <summary>The hooks plugin's settings: the hook directories, resolved against the manifest's directory.</summary>
public sealed record HookSettings(IReadOnlyList<string> Directories)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static HookSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var directories = section.Object["directories"] as JArray ?? [];
        return new HookSettings([.. directories.Select(d => section.FullPath((string)d!))]) { Where = section.Locations };
    }
}
