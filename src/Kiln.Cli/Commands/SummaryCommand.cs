using System.CommandLine;
using Kiln.Builds;
using Kiln.Cli.Output;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln summary [MANIFEST]</c>: what a build would do, without walking it: outputs and formats, the release and
/// the suite it resolves to, the mirror, the image's packages, the host packages to install, the plan.
/// </summary>
public static class SummaryCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string?>("manifest") { Description = "The manifest (the built-in default when omitted)", Arity = ArgumentArity.ZeroOrOne };
        var offline = CommonOptions.Offline();
        var json = CommonOptions.Json("the summary");
        var command = new Command("summary", "Show what a build would make and use: outputs, release, mirror, packages, host packages, plan") { manifest, offline, json, CommonOptions.PluginPath() };
        command.SetAction(async (result, cancellationToken) =>
        {
            var registry = Registries.Load(result);
            var spec = ManifestSource.Read(result.GetValue(manifest), registry);
            var summary = await BuildSummary.CreateAsync(spec, BuildPlanning.CreatePlan(spec, registry), result.GetValue(offline), cancellationToken);
            if (result.GetValue(json))
            {
                Console.Out.WriteLine(summary.ToJson().ToString(Newtonsoft.Json.Formatting.Indented));
            }
            else
            {
                new Terminal(result.GetValue(CommonOptions.Color)).Raw(summary.Describe());
            }

            return 0;
        });
        return command;
    }
}
