using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Hooks;

/// <summary>
/// Script hooks after DevStack's extras.d: executable files named <c>NN-name</c> in the manifest's hook
/// directories, called once per phase with the phase's name, with <c>rollback</c> when the build fails
/// and with <c>clean</c> at the end.
/// </summary>
public sealed class HooksPlugin : Plugin<HookSettings>
{
    public const string PluginName = "hooks";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin hooks", typeof(HooksPlugin).Assembly, "Plugins/Hooks/manifest-schema.yml");

    public override HookSettings Bind(SettingsSection section) => HookSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, HookSettings settings)
    {
        var (_, problems) = HookDirectories.Scan(settings.Directories);
        return problems.Select(p => settings.Where.ErrorAt($"directories[{p.Directory}]", p.Problem));
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, HookSettings settings)
    {
        var (scripts, _) = HookDirectories.Scan(settings.Directories);
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
