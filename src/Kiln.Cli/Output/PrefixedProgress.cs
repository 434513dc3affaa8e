using Kiln.Tasks;
using Spectre.Console;

namespace Kiln.Cli.Output;

/// <summary>
/// The progress of one image among several built at once: plain lines that start with the image's name (live
/// lines rewritten in place cannot show builds that run side by side), and the tasks that took a while.
/// </summary>
public sealed class PrefixedProgress(Terminal terminal, string name) : IBuildObserver
{
    // One lock for every image: lines of builds that run side by side never interleave.
    private static readonly Lock Writing = new();

    public void TaskStarted(PlannedTask step, int total)
    {
        ArgumentNullException.ThrowIfNull(step);
        Write($"[[{step.Position,3}/{total}]] {Markup.Escape(step.Task.Description)}");
    }

    public void TaskFinished(PlannedTask step, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (elapsed.TotalSeconds >= 5)
        {
            Write($"[grey][[{step.Position,3}]] {Markup.Escape(step.Task.Description)} {elapsed.TotalSeconds:F1} s[/]");
        }
    }

    public void TaskFailed(PlannedTask step, Exception error)
    {
        ArgumentNullException.ThrowIfNull(step);
        Write($"[red]failed:[/] {Markup.Escape(step.Task.Description)} ({Markup.Escape(step.Task.Name)})");
    }

    public void RollbackStarted(int steps) => Write($"[yellow]rolling back[/] {steps} step(s)");

    public void RollbackFinished(IReadOnlyList<Exception> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        Write(failures.Count == 0 ? "[yellow]rollback complete[/]" : $"[red]rollback left {failures.Count} problem(s); see the log[/]");
    }

    /// <summary>A line of this image; <paramref name="markup"/> is Spectre markup.</summary>
    public void Write(string markup)
    {
        lock (Writing)
        {
            terminal.Line($"[bold]{Markup.Escape(name)}[/] {markup}");
        }
    }
}
