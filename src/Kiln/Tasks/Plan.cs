namespace Kiln.Tasks;

/// <summary>The ordered list of tasks one build runs.</summary>
public sealed class Plan(IReadOnlyList<BuildTask> tasks)
{
    public IReadOnlyList<PlannedTask> Steps { get; } = [.. tasks.Select((task, index) => new PlannedTask(index + 1, task))];

    public IEnumerable<BuildTask> Tasks => Steps.Select(step => step.Task);

    /// <summary>The plan as text: one line per task with its phase, as <c>kiln plan</c> prints it.</summary>
    public string Describe()
    {
        var lines = new List<string>();
        Phase? current = null;
        foreach (var step in Steps)
        {
            if (step.Phase != current)
            {
                current = step.Phase;
                lines.Add($"{current.Value.ToName()}:");
            }

            lines.Add($"  {step.Position,3}. {step.Task.Name} - {step.Task.Description}");
        }

        return string.Join('\n', lines) + "\n";
    }
}
