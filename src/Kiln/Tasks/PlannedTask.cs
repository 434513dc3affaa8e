namespace Kiln.Tasks;

/// <summary>A task at its place in the plan (1-based position).</summary>
public sealed record PlannedTask(int Position, BuildTask Task)
{
    public Phase Phase => Task.Phase;
}
