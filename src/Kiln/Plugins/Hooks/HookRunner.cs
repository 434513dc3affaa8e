using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KILN_ROOT"] = context.Paths.Root,
            ["KILN_MANIFEST"] = ResolvedManifest(context.Manifest, context.Release),
            ["KILN_WORKSPACE"] = context.Paths.BuildDirectory,
            ["KILN_RELEASE"] = context.Release.Codename,
            ["KILN_ARCHITECTURE"] = context.Manifest.System.Architecture,
            ["KILN_PHASE"] = phase,
        };
    }

    /// <summary>The manifest as JSON, with the name filled in and the release as a codename.</summary>
    public static string ResolvedManifest(Manifest manifest, DebianRelease release)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(release);
        var data = (JObject)manifest.Document.Root.DeepClone();
        data["name"] = manifest.Name;
        if (data["system"] is JObject system)
        {
            system["release"] = release.Codename;
        }

        return data.ToString(Formatting.None);
    }
}
