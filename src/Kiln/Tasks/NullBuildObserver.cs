namespace Kiln.Tasks;

/// <summary>An observer that ignores everything.</summary>
public sealed class NullBuildObserver : IBuildObserver
{
    public static readonly NullBuildObserver Instance = new();

    public void TaskStarted(PlannedTask step, int total)
    {
    }

    public void TaskFinished(PlannedTask step, TimeSpan elapsed)
    {
    }

    public void TaskFailed(PlannedTask step, Exception error)
    {
    }

    public void RollbackStarted(int steps)
    {
    }

    public void RollbackFinished(IReadOnlyList<Exception> failures)
    {
    }
}
