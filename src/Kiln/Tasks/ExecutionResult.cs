namespace Kiln.Tasks;

/// <summary>The end of a build: outcome, the first error, timings and any undo step that failed.</summary>
public sealed record ExecutionResult(BuildOutcome Outcome, Exception? Error, IReadOnlyList<TaskTiming> Timings, IReadOnlyList<Exception> UndoFailures)
{
    /// <summary>0 success, 1 build failed, 2 bad input, 130 interrupted.</summary>
    public int ExitCode => Outcome switch
    {
        BuildOutcome.Succeeded => 0,
        BuildOutcome.Interrupted => 130,
        _ => Error is KilnException kiln ? kiln.ExitCode : 1,
    };

    public TimeSpan Total => Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);

    /// <summary>From the first task to the end of the unwinding: what the user waited.</summary>
    public TimeSpan WallTime { get; init; }

    /// <summary>Wall time per phase, in phase order.</summary>
    public IReadOnlyList<(Phase Phase, TimeSpan Elapsed)> PhaseTimings =>
        [.. Timings.GroupBy(t => t.Phase).OrderBy(g => g.Key).Select(g => (g.Key, g.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed)))];
}
