using System.CommandLine;
using Kiln.Builds;
using Kiln.Cli.Output;
using Kiln.Extensions;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln plan [MANIFEST]</c>: the ordered task list a build would run, by phase.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string?>("manifest") { Description = "The manifest (the built-in default when omitted)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("plan", "Print the tasks a build runs, in order, with their phases") { manifest };
        command.SetAction(result =>
        {
            var terminal = new Terminal(result.GetValue(CommonOptions.Color));
            var registry = Registries.Load(result);
            var loaded = ManifestSource.Read(result.GetValue(manifest), registry);
            var plan = BuildPlanning.CreatePlan(loaded, registry);
            terminal.Console.Write(new Text(plan.Describe()));
            return 0;
        });
        return command;
    }
}
