using Kiln.Builds;
using Kiln.Cli.Output;
using Kiln.Tasks;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// Several manifests in one <c>kiln build</c>: builds start in <see cref="BuildQueue"/> order, at most
/// <c>--jobs</c> at once (a build waiting for another's bootstrap gives its place to the next: <see cref="JobSlot"/>);
/// builds with one bootstrap share it through the tree store; each failure is rolled
/// back on its own while the others go on; an interrupt rolls back every build not yet published, and builds
/// not yet started never start. One summary at the end.
/// </summary>
public static class BatchBuild
{
    public static async Task<int> RunAsync(IReadOnlyList<ImageBuildRun> runs, JobLimit limit, Terminal terminal, bool debug, CancellationToken interrupted)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(terminal);
        if (limit.Reason is { } reason)
        {
            terminal.Line($"[blue]note:[/] {Markup.Escape(reason)}");
        }

        terminal.Line($"building {runs.Count} images, {limit.Jobs} at a time");
        foreach (var run in runs)
        {
            terminal.Line($"  [bold]{Markup.Escape(run.Name)}[/] ({run.Plan.Steps.Count} tasks); log: {Markup.Escape(run.LogFile ?? "none")}");
        }

        var reports = new ImageReport?[runs.Count];
        using var slots = new SemaphoreSlim(limit.Jobs);
        var order = BuildQueue.Order([.. runs.Select(r => BootstrapGroup.KeyOf(r.Spec))]);
        var started = order.Select(async index =>
        {
            JobSlot slot;
            try
            {
                slot = await JobSlot.TakeAsync(slots, interrupted);
            }
            catch (OperationCanceledException)
            {
                reports[index] = ImageReport.NotStarted(runs[index].Name);
                return;
            }

            using (slot)
            {
                reports[index] = await BuildOneAsync(runs[index], slot, terminal, debug, interrupted);
            }
        }).ToList();
        await Task.WhenAll(started);
        var final = reports.Select((r, i) => r ?? ImageReport.NotStarted(runs[i].Name)).ToList();
        BatchSummary.Write(terminal, final);
        return BatchSummary.ExitCode(final);
    }

    private static async Task<ImageReport> BuildOneAsync(ImageBuildRun run, JobSlot slot, Terminal terminal, bool debug, CancellationToken interrupted)
    {
        var progress = new PrefixedProgress(terminal, run.Name);
        BuildContext? context = null;

        // A build that has published its outputs is done: a later interrupt of the run must not undo it.
        using var own = new CancellationTokenSource();
        using var forward = interrupted.Register(() =>
        {
            if (context?.Published != true)
            {
                own.Cancel();
            }
        });
        var options = new BuildOptions
        {
            Announce = message => progress.Write($"[blue]note:[/] {Markup.Escape(message)}"),
            ContextCreated = created => context = created,
            JobSlot = slot,
        };
        try
        {
            var (execution, built) = await run.RunAsync(progress, options, debug, guardChildren: false, own.Token);
            run.WritePasswordFile(execution, built, line => progress.Write(Markup.Escape(line)));
            return run.Report(execution, built);
        }
        catch (KilnException error)
        {
            progress.Write($"[red]error:[/] {Markup.Escape(error.Message)}");
            return ImageReport.Refused(run.Name, error);
        }
    }
}
