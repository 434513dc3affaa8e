namespace Kiln.Tasks;

/// <summary>Receives the progress of a build (the console shows it; tests record it).</summary>
public interface IBuildObserver
{
    void TaskStarted(PlannedTask step, int total);

    void TaskFinished(PlannedTask step, TimeSpan elapsed);

    void TaskFailed(PlannedTask step, Exception error);

    void RollbackStarted(int steps);

    void RollbackFinished(IReadOnlyList<Exception> failures);
}
