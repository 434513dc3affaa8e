namespace Kiln.Tasks;

/// <summary>How the executor runs a plan.</summary>
public sealed record ExecutionOptions
{
    /// <summary>Walk the plan and report every task without running any.</summary>
    public bool DryRun { get; init; }

    /// <summary>Called with the error before the rollback starts (<c>--pause-on-error</c> waits for Enter here).</summary>
    public Func<Exception, Task>? BeforeRollback { get; init; }
}
