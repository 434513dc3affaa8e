using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Hooks;

/// <summary>The hooks plugin's settings: the hook directories, resolved against the manifest's directory.</summary>
public sealed record HookSettings(IReadOnlyList<string> Directories)
{
    public static HookSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var directories = manifest.PluginSettings(HooksPlugin.PluginName)["directories"] as JArray ?? [];
        return new HookSettings([.. directories.Select(d => Path.GetFullPath((string)d!, manifest.Document.Directory))]);
    }
}
