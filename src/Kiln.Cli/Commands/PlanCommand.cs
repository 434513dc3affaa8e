using System.CommandLine;
using Kiln.Builds;
using Kiln.Cli.Output;
using Kiln.Host;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln plan [MANIFEST]</c>: the ordered task list a build would run, by phase; <c>--graph</c> draws the task
/// graph (DOT, or SVG with <c>--svg</c> through Graphviz), <c>--json</c> lists the tasks for programs.
/// </summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string?>("manifest") { Description = "The manifest (the built-in default when omitted)", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json("the plan (every task with its position, name, phase and description)");
        var graph = new Option<bool>("--graph") { Description = "Print the task graph in Graphviz's DOT language instead: every known task in its phase's cluster, this plan's tasks highlighted" };
        var svg = new Option<bool>("--svg") { Description = "Draw the task graph as SVG with Graphviz's dot (apt-get install graphviz)" };
        var command = new Command("plan", "Print the tasks a build runs, in order, with their phases") { manifest, json, graph, svg, CommonOptions.PluginPath() };
        command.SetAction(async (result, cancellationToken) =>
        {
            var registry = Registries.Load(result);
            var spec = ManifestSource.Read(result.GetValue(manifest), registry);
            var plan = BuildPlanning.CreatePlan(spec, registry);
            if (result.GetValue(graph) || result.GetValue(svg))
            {
                var dot = TaskGraphDot.Render(TaskCatalog.FromAssemblies(registry.Assemblies), plan, $"{spec.Manifest.Name}: {spec.Platform}");
                Console.Out.Write(result.GetValue(svg) ? await SvgAsync(result, dot, cancellationToken) : dot);
                return 0;
            }

            if (result.GetValue(json))
            {
                Console.Out.WriteLine(new JObject { ["name"] = spec.Manifest.Name, ["platform"] = spec.Platform.ToString(), ["tasks"] = PlanJson.Of(plan) }.ToString(Newtonsoft.Json.Formatting.Indented));
                return 0;
            }

            new Terminal(result.GetValue(CommonOptions.Color)).Raw(plan.Describe());
            return 0;
        });
        return command;
    }

    private static async Task<string> SvgAsync(ParseResult result, string dot, CancellationToken cancellationToken)
    {
        if (HostToolCheck.Locate("dot") is null)
        {
            throw new UserInputException("drawing the graph needs Graphviz's dot (apt-get install graphviz); `kiln plan --graph` prints the graph as DOT text");
        }

        using var logging = new LogSetup(null, result.GetValue(CommonOptions.Debug));
        var runner = new CommandRunner(logging.Factory.CreateLogger<CommandRunner>());
        var drawn = await runner.RunAsync(new CommandLine("dot", "-Tsvg") { StandardInput = dot }, cancellationToken);
        return drawn.ExitCode == 0 ? drawn.StandardOutput : throw new KilnException($"dot failed: {drawn.StandardError.Trim()}");
    }
}
