namespace Kiln.Tasks;

/// <summary>The directed "runs before" graph of tasks, with cycle detection and a deterministic topological sort.</summary>
internal sealed class TaskGraph
{
    private readonly List<BuildTask> _tasks;
    private readonly Dictionary<BuildTask, SortedSet<BuildTask>> _next = new(ReferenceEqualityComparer.Instance);

    public TaskGraph(IEnumerable<BuildTask> tasks)
    {
        _tasks = [.. tasks.OrderBy(t => t.Phase).ThenBy(t => t.Name, StringComparer.Ordinal)];
        foreach (var task in _tasks)
        {
            _next[task] = new SortedSet<BuildTask>(ByName.Instance);
        }
    }

    /// <summary>The tasks whose type is one of <paramref name="types"/> (or derives from one).</summary>
    public IEnumerable<BuildTask> TasksOfType(IEnumerable<Type> types) =>
        types.SelectMany(type => _tasks.Where(task => task.GetType().IsAssignableTo(type))).Distinct();

    public void AddEdge(BuildTask from, BuildTask to) => _next[from].Add(to);

    /// <summary>Each strongly connected component with more than one task (or a task that precedes itself), as a cycle path.</summary>
    public IReadOnlyList<IReadOnlyList<BuildTask>> FindCycles()
    {
        var cycles = new List<IReadOnlyList<BuildTask>>();
        foreach (var component in new StronglyConnectedComponents(_tasks, task => _next[task]).Components)
        {
            var first = component[0];
            if (component.Count > 1 || _next[first].Contains(first))
            {
                cycles.Add(CyclePath(first, component.ToHashSet()));
            }
        }

        return cycles;
    }

    /// <summary>Kahn's algorithm, one phase after the other; among ready tasks the smallest name goes first.</summary>
    public IEnumerable<BuildTask> SortTopologically()
    {
        var incoming = new Dictionary<BuildTask, int>(ReferenceEqualityComparer.Instance);
        foreach (var task in _tasks)
        {
            incoming[task] = 0;
        }

        foreach (var target in _next.Values.SelectMany(targets => targets))
        {
            incoming[target]++;
        }

        var ready = new SortedSet<BuildTask>(_tasks.Where(t => incoming[t] == 0), ByPhaseThenName.Instance);
        while (ready.Count > 0)
        {
            var current = ready.Min!;
            ready.Remove(current);
            yield return current;
            foreach (var next in _next[current])
            {
                if (--incoming[next] == 0)
                {
                    ready.Add(next);
                }
            }
        }
    }

    private List<BuildTask> CyclePath(BuildTask start, HashSet<BuildTask> component)
    {
        // Breadth-first search inside the component for the shortest way back to the start.
        var previous = new Dictionary<BuildTask, BuildTask>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<BuildTask>([start]);
        while (queue.Count > 0)
        {
            var task = queue.Dequeue();
            foreach (var next in _next[task].Where(component.Contains))
            {
                if (ReferenceEquals(next, start))
                {
                    var path = new List<BuildTask> { task };
                    while (!ReferenceEquals(path[^1], start))
                    {
                        path.Add(previous[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (previous.TryAdd(next, task))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [.. component];
    }

    private sealed class ByName : IComparer<BuildTask>
    {
        public static readonly ByName Instance = new();

        public int Compare(BuildTask? x, BuildTask? y) => string.CompareOrdinal(x?.Name, y?.Name);
    }

    private sealed class ByPhaseThenName : IComparer<BuildTask>
    {
        public static readonly ByPhaseThenName Instance = new();

        public int Compare(BuildTask? x, BuildTask? y)
        {
            var byPhase = (x?.Phase ?? Phase.Validation).CompareTo(y?.Phase ?? Phase.Validation);
            return byPhase != 0 ? byPhase : string.CompareOrdinal(x?.Name, y?.Name);
        }
    }
}
