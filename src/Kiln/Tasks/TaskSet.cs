namespace Kiln.Tasks;

/// <summary>The tasks the provider and the plugins chose for one build.</summary>
public sealed class TaskSet
{
    private readonly Dictionary<string, BuildTask> _tasks = new(StringComparer.Ordinal);

    public IReadOnlyCollection<BuildTask> Tasks => _tasks.Values;

    public int Count => _tasks.Count;

    /// <summary>Adds tasks by type, created with their parameterless constructor; adding a task twice keeps one.</summary>
    public TaskSet Add<TTask>()
        where TTask : BuildTask, new() => Add(new TTask());

    public TaskSet Add(BuildTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _tasks.TryAdd(task.Name, task);
        return this;
    }

    public TaskSet AddRange(IEnumerable<BuildTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        foreach (var task in tasks)
        {
            Add(task);
        }

        return this;
    }

    public bool Remove<TTask>()
        where TTask : BuildTask => _tasks.Remove(typeof(TTask).Name);

    public bool Contains<TTask>()
        where TTask : BuildTask => _tasks.Values.Any(t => t is TTask);

    public bool Contains(string name) => _tasks.ContainsKey(name);
}
