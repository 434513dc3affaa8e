using Kiln.Tasks;
using Spectre.Console;

namespace Kiln.Cli.Output;

/// <summary>Shows a build's progress: one line per task, rewritten in place on a terminal, plain lines otherwise.</summary>
public sealed class ConsoleProgress(Terminal terminal) : IBuildObserver
{
    public void TaskStarted(PlannedTask step, int total)
    {
        ArgumentNullException.ThrowIfNull(step);
        var text = $"[{step.Position,3}/{total}] {step.Task.Description}";
        if (terminal.IsInteractive)
        {
            System.Console.Write($"\r\u001b[2K{Markup.Escape(text)}");
        }
        else
        {
            terminal.Plain(text);
        }
    }

    public void TaskFinished(PlannedTask step, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (terminal.IsInteractive && elapsed.TotalSeconds >= 1)
        {
            // Steps that took time stay on screen with their duration; quick ones are overwritten.
            System.Console.Write("\r\u001b[2K");
            terminal.Line($"[grey][[{step.Position,3}]][/] {Markup.Escape(step.Task.Description)} [grey]{elapsed.TotalSeconds:F1} s[/]");
        }
    }

    public void TaskFailed(PlannedTask step, Exception error)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (terminal.IsInteractive)
        {
            System.Console.Write("\r\u001b[2K");
        }

        terminal.Line($"[red]failed:[/] {Markup.Escape(step.Task.Description)} ({Markup.Escape(step.Task.Name)})");
    }

    public void RollbackStarted(int steps) => terminal.Line($"[yellow]rolling back[/] {steps} step(s)");

    public void RollbackFinished(IReadOnlyList<Exception> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        terminal.Line(failures.Count == 0 ? "[yellow]rollback complete[/]" : $"[red]rollback left {failures.Count} problem(s); see the log[/]");
    }
}
