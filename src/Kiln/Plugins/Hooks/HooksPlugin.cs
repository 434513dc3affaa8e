using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Hooks;

/// <summary>
/// Script hooks after DevStack's extras.d: executable files named <c>NN-name</c> in the manifest's hook
/// directories, called once per phase with the phase's name, with <c>rollback</c> when the build fails
/// and with <c>clean</c> at the end.
/// </summary>
public sealed class HooksPlugin : IPlugin
{
    public const string PluginName = "hooks";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin hooks", typeof(HooksPlugin).Assembly, "Plugins/Hooks/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var entries = manifest.Document.Root.SelectToken("plugins.hooks.directories") as JArray;
        var (_, problems) = HookDirectories.Scan(HookSettings.From(manifest).Directories);
        return problems.Select(p => manifest.Document.ErrorAt(entries?[p.Directory], p.Problem));
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var (scripts, _) = HookDirectories.Scan(HookSettings.From(manifest).Directories);
        if (scripts.Count == 0)
        {
            return;
        }

        tasks.Add(new PrepareHookCalls(scripts));
        foreach (var phase in Enum.GetValues<Phase>())
        {
            tasks.Add(new RunScriptHooks(phase, scripts));
        }
    }
}
