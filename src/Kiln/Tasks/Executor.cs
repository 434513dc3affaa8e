using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Kiln.Tasks;

/// <summary>
/// Runs a plan task by task on a build context. When a task fails or the build is cancelled (Ctrl-C,
/// SIGTERM), it unwinds the undo stack in reverse and reports the first error. Whatever is still on the
/// stack when the plan completes is unwound too, so a build never leaves host state behind.
/// </summary>
public sealed partial class Executor(ILogger<Executor> logger, IBuildObserver observer)
{
    public async Task<ExecutionResult> RunAsync(Plan plan, BuildContext context, ExecutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        context.Plan = plan;
        var wall = Stopwatch.StartNew();
        var timings = new List<TaskTiming>();
        Exception? error = null;
        var interrupted = false;
        foreach (var step in plan.Steps)
        {
            observer.TaskStarted(step, plan.Steps.Count);
            LogTaskStarting(step.Position, step.Task.Name, step.Phase.ToName(), step.Task.Description);
            var stopwatch = Stopwatch.StartNew();
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!options.DryRun)
                {
                    await step.Task.RunAsync(context, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                interrupted = cancellationToken.IsCancellationRequested;
                error = interrupted && exception is OperationCanceledException ? new OperationCanceledException("the build was interrupted", exception) : Explained(exception, context);
                timings.Add(new TaskTiming(step.Task.Name, step.Phase, stopwatch.Elapsed));
                observer.TaskFailed(step, error);
                if (interrupted)
                {
                    // An interrupt is no fault: no stack trace, the log says where it happened.
                    LogTaskInterrupted(step.Task.Name);
                }
                else
                {
                    LogTaskFailed(step.Task.Name, error.Message, exception);
                }

                break;
            }

            timings.Add(new TaskTiming(step.Task.Name, step.Phase, stopwatch.Elapsed));
            observer.TaskFinished(step, stopwatch.Elapsed);
            LogTaskFinished(step.Task.Name, stopwatch.Elapsed.TotalSeconds);
        }

        if (error is null && cancellationToken.IsCancellationRequested && !context.Published && !options.DryRun)
        {
            // The signal came while the last task ran and that task did not notice: the build is still undone.
            interrupted = true;
            error = new OperationCanceledException("the build was interrupted");
            LogInterruptedAtTheEnd();
        }

        if (error is not null && options.BeforeRollback is not null && !interrupted)
        {
            try
            {
                await options.BeforeRollback(error);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The rollback must run whatever happens to the pause before it.
                LogBeforeRollbackFailed(exception.Message, exception);
            }
        }

        var undoFailures = await UnwindAsync(context, error is not null);
        LogTimings(timings);
        var outcome = error is null ? BuildOutcome.Succeeded : interrupted ? BuildOutcome.Interrupted : BuildOutcome.Failed;
        return new ExecutionResult(outcome, error, timings, undoFailures) { WallTime = wall.Elapsed };
    }

    /// <summary>The failure in the words a user needs; the failure itself when explaining it fails (the rollback must still run).</summary>
    private Exception Explained(Exception exception, BuildContext context)
    {
        try
        {
            return FailureExplanation.Explain(exception, context);
        }
        catch (Exception explaining) when (explaining is not OutOfMemoryException)
        {
            LogExplanationFailed(explaining.Message, explaining);
            return exception;
        }
    }

    private async Task<IReadOnlyList<Exception>> UnwindAsync(BuildContext context, bool failed)
    {
        if (context.Undo.Count == 0)
        {
            return [];
        }

        if (failed)
        {
            observer.RollbackStarted(context.Undo.Count);
        }
        else
        {
            LogLeftovers(string.Join(", ", context.Undo.Descriptions));
        }

        // Rollback must finish even when the user presses Ctrl-C again: it is not cancellable.
        var failures = await context.Undo.UnwindAsync(CancellationToken.None);
        if (failed)
        {
            observer.RollbackFinished(failures);
        }

        return failures;
    }

    private void LogTimings(List<TaskTiming> timings)
    {
        foreach (var group in timings.GroupBy(t => t.Phase))
        {
            LogPhaseTime(group.Key.ToName(), group.Sum(t => t.Elapsed.TotalSeconds));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "[{Position}] {Task} ({Phase}): {Description}")]
    private partial void LogTaskStarting(int position, string task, string phase, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Task} done in {Seconds:F2} s")]
    private partial void LogTaskFinished(string task, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Task} failed: {Error}")]
    private partial void LogTaskFailed(string task, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Task} was interrupted")]
    private partial void LogTaskInterrupted(string task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the build was interrupted after its last task, before its outputs were put in place")]
    private partial void LogInterruptedAtTheEnd();

    [LoggerMessage(Level = LogLevel.Warning, Message = "the step before the rollback failed: {Error}")]
    private partial void LogBeforeRollbackFailed(string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "explaining the failure failed: {Error}")]
    private partial void LogExplanationFailed(string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "phase {Phase}: {Seconds:F2} s")]
    private partial void LogPhaseTime(string phase, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "releasing what the build kept until its end: {Entries}")]
    private partial void LogLeftovers(string entries);
}
