using Kiln.Tasks;

namespace Kiln.Cli.Output;

/// <summary>
/// Shows a build's progress. On a terminal: one live line for the running task with its elapsed time
/// (<c>[19/46] Bootstrapping the base system  0:42</c>), redrawn every second, with the bootstrapper's or apt's
/// progress on a second line under it; tasks that took a second or more stay on screen with their time. Elsewhere:
/// one plain line per task. Everything else kiln prints during a build goes through <see cref="Note"/>, so that it
/// never lands inside the live line.
/// </summary>
public sealed class ConsoleProgress(IConsoleSurface screen, TimeProvider time) : IBuildObserver
{
    private const string ClearLine = "\r\u001b[2K";
    private const string Up = "\u001b[1A";

    private readonly Lock _lock = new();
    private PlannedTask? _current;
    private int _total;
    private DateTimeOffset _started;
    private BootstrapProgress _detail = new();
    private int _drawnLines;

    public void TaskStarted(PlannedTask step, int total)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_lock)
        {
            _current = step;
            _total = total;
            _started = time.GetUtcNow();
            _detail = new BootstrapProgress();
            if (screen.IsInteractive)
            {
                Draw();
            }
            else
            {
                screen.Raw($"{Counter(step)} {step.Task.Description}\n");
            }
        }
    }

    public void TaskFinished(PlannedTask step, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_lock)
        {
            if (screen.IsInteractive)
            {
                Clear();
                if (elapsed.TotalSeconds >= 1)
                {
                    // Steps that took time stay on screen with their duration; quick ones are overwritten.
                    screen.Raw($"{Fit($"{Counter(step)} {step.Task.Description}", Durations.Clock(elapsed))}\n");
                }
            }

            _current = null;
        }
    }

    public void TaskFailed(PlannedTask step, Exception error)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_lock)
        {
            Clear();
            _current = null;
            screen.Raw($"{Paint("31", "failed:")} {step.Task.Description} ({step.Task.Name})\n");
        }
    }

    public void RollbackStarted(int steps) => Note($"{Paint("33", "rolling back")} {steps} step(s)");

    public void RollbackFinished(IReadOnlyList<Exception> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        Note(failures.Count == 0 ? Paint("33", "rollback complete") : Paint("31", $"rollback left {failures.Count} problem(s); see the log"));
    }

    /// <summary>One output line of a command a task runs: the bootstrapper's and apt's progress are shown under the task.</summary>
    public void Output(string program, string line)
    {
        lock (_lock)
        {
            if (_current is not null && _detail.Feed(line) && screen.IsInteractive)
            {
                Draw();
            }
        }
    }

    /// <summary>A line for the user during the build (a note, a warning): printed above the live line.</summary>
    public void Note(string text)
    {
        lock (_lock)
        {
            Clear();
            screen.Raw(text + "\n");
            if (_current is not null && screen.IsInteractive)
            {
                Draw();
            }
        }
    }

    /// <summary>Redraws the live line with the time elapsed now (a timer calls this every second).</summary>
    public void Refresh()
    {
        lock (_lock)
        {
            if (_current is not null && screen.IsInteractive)
            {
                Draw();
            }
        }
    }

    /// <summary>Removes the live line: what follows starts on a clean line.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            Clear();
            _current = null;
        }
    }

    private void Draw()
    {
        var step = _current!;
        var text = ClearText() + Fit($"{Counter(step)} {step.Task.Description}", Durations.Clock(time.GetUtcNow() - _started));
        _drawnLines = 1;
        if (_detail.Text is { } detail)
        {
            var indent = new string(' ', Counter(step).Length + 1);
            text += "\n" + Paint("2", Truncate(indent + detail, screen.Width - 1));
            _drawnLines = 2;
        }

        screen.Raw(text);
    }

    private void Clear()
    {
        if (screen.IsInteractive && _drawnLines > 0)
        {
            screen.Raw(ClearText());
            _drawnLines = 0;
        }
    }

    private string ClearText() => _drawnLines switch
    {
        0 => string.Empty,
        1 => ClearLine,
        _ => ClearLine + string.Concat(Enumerable.Repeat(Up + ClearLine, _drawnLines - 1)),
    };

    private string Counter(PlannedTask step) => $"[{step.Position}/{_total}]";

    /// <summary>The description and the time, cut to the terminal's width so that the line never wraps.</summary>
    private string Fit(string description, string clock)
    {
        var room = Math.Max(10, screen.Width - 1 - clock.Length - 2);
        return $"{Truncate(description, room)}  {Paint("2", clock)}";
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";

    private string Paint(string sgr, string text) => screen.UsesColor ? $"\u001b[{sgr}m{text}\u001b[0m" : text;
}
