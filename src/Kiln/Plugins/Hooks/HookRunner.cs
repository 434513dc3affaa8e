using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.Hooks;

/// <summary>Calls every hook script with one argument (a phase, <c>rollback</c> or <c>clean</c>) and the KILN_* environment.</summary>
public static class HookRunner
{
    public static async Task CallAllAsync(BuildContext context, IReadOnlyList<HookScript> scripts, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scripts);
        var environment = Environment(context, argument);
        foreach (var script in scripts)
        {
            var command = new CommandLine(script.Path, argument)
            {
                Environment = environment,
                WorkingDirectory = Path.GetDirectoryName(script.Path),
            };
            await context.Runner.RunCheckedAsync(command, cancellationToken);
        }
    }

    public static Dictionary<string, string> Environment(BuildContext context, string phase)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The image environment (SOURCE_DATE_EPOCH) first, so that a hook writes the times the rest of the build does.
        var environment = new Dictionary<string, string>(context.ImageEnvironment, StringComparer.Ordinal)
        {
            ["KILN_ROOT"] = context.Paths.Root,
            ["KILN_MANIFEST"] = context.Spec.Values.ToJson(context.Release.Codename),
            ["KILN_WORKSPACE"] = context.Paths.BuildDirectory,
            ["KILN_RELEASE"] = context.Release.Codename,
            ["KILN_ARCHITECTURE"] = context.Manifest.System.Architecture,
            ["KILN_PHASE"] = phase,
        };
        return environment;
    }
}
