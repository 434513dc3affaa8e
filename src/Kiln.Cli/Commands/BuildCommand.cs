using System.CommandLine;
using System.Globalization;
using Kiln.Builds;
using Kiln.Cli.Output;
using Kiln.Extensions;
using Kiln.Host;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln build [MANIFEST]</c>: builds the image a manifest describes (the built-in default without one).</summary>
public static partial class BuildCommand
{
    public static Command Create(Interruption interruption)
    {
        var manifest = new Argument<string?>("manifest") { Description = "The manifest (YAML or JSON); the built-in default (Debian stable for KVM) when omitted", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output", "-o") { Description = "Directory for the image (default: the manifest's workspace)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and walk it without running anything (no root needed)" };
        var log = new Option<string?>("--log") { Description = "Directory for the build's log file (default: WORKSPACE/logs)" };
        var pause = new Option<bool>("--pause-on-error") { Description = "On failure, wait for Enter before rolling back, to inspect the build directory" };
        var workspace = new Option<string?>("--workspace") { Description = "Work in this directory instead of the manifest's bootstrapper.workspace" };
        var command = new Command("build", "Build a disk image from a manifest") { manifest, output, dryRun, log, pause, workspace };
        command.SetAction((result, _) =>
        {
            var request = new BuildRequest(result.GetValue(manifest), result.GetValue(output), result.GetValue(dryRun), result.GetValue(log), result.GetValue(pause), result.GetValue(workspace));
            return RunAsync(result, Registries.Load(result), interruption, request);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, ExtensionRegistry registry, Interruption interruption, BuildRequest request)
    {
        var (manifestPath, output, dryRun, logDirectory, pauseOnError, workspace) = request;
        var terminal = new Terminal(result.GetValue(CommonOptions.Color));
        var manifest = ManifestSource.Read(manifestPath, registry);
        if (workspace is not null)
        {
            manifest = manifest with { Bootstrapper = manifest.Bootstrapper with { Workspace = Path.GetFullPath(workspace) } };
        }

        var plan = BuildPlanning.CreatePlan(manifest, registry);
        var logFile = dryRun && logDirectory is null ? null : Path.Combine(
            Path.GetFullPath(logDirectory ?? Path.Combine(manifest.Bootstrapper.Workspace, "logs")),
            $"{manifest.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.log");
        using var logging = new LogSetup(logFile, result.GetValue(CommonOptions.Debug));
        if (dryRun)
        {
            terminal.Console.Write(new Text(plan.Describe()));
        }
        else
        {
            terminal.Line($"building [bold]{Markup.Escape(manifest.Name)}[/] ({plan.Steps.Count} tasks); log: {Markup.Escape(logFile ?? "none")}");
        }

        var runner = new CommandRunner(logging.Factory.CreateLogger<CommandRunner>());
        var observer = dryRun ? (IBuildObserver)NullBuildObserver.Instance : new ConsoleProgress(terminal);
        var builder = new ImageBuilder(logging.Factory, runner, observer);
        var options = new BuildOptions
        {
            OutputDirectory = output,
            DryRun = dryRun,
            Announce = message => terminal.Line($"[blue]note:[/] {Markup.Escape(message)}"),
            BeforeRollback = pauseOnError ? error => PauseAsync(terminal, error) : null,
        };
        var (execution, context) = await builder.RunAsync(manifest, plan, options, interruption.Token);
        if (PeakMemory.MiB() is { } peak)
        {
            LogPeakMemory(logging.Factory.CreateLogger("Kiln.Cli"), peak);
        }

        Report(terminal, execution, context, logFile, dryRun);
        return execution.ExitCode;
    }

    private static async Task PauseAsync(Terminal terminal, Exception error)
    {
        terminal.Line($"[red]error:[/] {Markup.Escape(error.Message)}");
        terminal.Line("the build directory is left as it is; press Enter to roll back");
        await Task.Run(Console.ReadLine);
    }

    private static void Report(Terminal terminal, ExecutionResult execution, BuildContext context, string? logFile, bool dryRun)
    {
        if (dryRun)
        {
            terminal.Plain($"dry run: {execution.Timings.Count} tasks walked, nothing was changed");
            return;
        }

        terminal.Plain(string.Join("  ", execution.PhaseTimings.Select(p => $"{p.Phase.ToName()} {p.Elapsed.TotalSeconds:F1}s")));
        switch (execution.Outcome)
        {
            case BuildOutcome.Succeeded:
                foreach (var artifact in context.Artifacts)
                {
                    terminal.Line($"[green]built[/] {Markup.Escape(artifact)} in {execution.WallTime.TotalSeconds:F1} s");
                }

                foreach (var notice in context.Notices)
                {
                    terminal.Line($"[yellow]{Markup.Escape(notice)}[/]");
                }

                break;
            case BuildOutcome.Interrupted:
                Terminal.Error("the build was interrupted; everything it had set up was undone");
                break;
            default:
                Terminal.Error(execution.Error!.Message);
                if (logFile is not null)
                {
                    Console.Error.WriteLine($"kiln: the full log is in {logFile}");
                }

                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "kiln peak RSS {PeakMiB:F1} MiB")]
    private static partial void LogPeakMemory(ILogger logger, double peakMiB);

    /// <summary>The arguments of one <c>kiln build</c>.</summary>
    private sealed record BuildRequest(string? Manifest, string? Output, bool DryRun, string? LogDirectory, bool PauseOnError, string? Workspace);
}
