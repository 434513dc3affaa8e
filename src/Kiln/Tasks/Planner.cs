namespace Kiln.Tasks;

/// <summary>
/// Orders tasks: builds the graph over all known tasks, reports cycles (naming every task in them) and
/// ordering constraints that contradict the phases, sorts topologically phase by phase with the task
/// name as tie-break, and keeps the chosen tasks. A pure function of its inputs.
/// </summary>
public static class Planner
{
    public static Plan CreatePlan(TaskCatalog catalog, TaskSet chosen)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(chosen);
        var problems = new List<string>();
        var nodes = CollectNodes(catalog, chosen, problems);
        var graph = new TaskGraph(nodes.Values);
        AddDeclaredEdges(graph, nodes.Values, problems);
        AddPhaseEndEdges(graph, nodes.Values);
        problems.AddRange(graph.FindCycles().Select(DescribeCycle));
        if (problems.Count > 0)
        {
            throw new PlanningException(problems);
        }

        var chosenNames = chosen.Tasks.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var ordered = graph.SortTopologically().Where(task => chosenNames.Contains(task.Name));
        return new Plan([.. ordered]);
    }

    private static Dictionary<string, BuildTask> CollectNodes(TaskCatalog catalog, TaskSet chosen, List<string> problems)
    {
        var nodes = new Dictionary<string, BuildTask>(StringComparer.Ordinal);
        foreach (var task in catalog.Tasks)
        {
            if (nodes.TryGetValue(task.Name, out var existing) && existing.GetType() != task.GetType())
            {
                problems.Add($"two tasks are named {task.Name}: {existing.GetType().FullName} and {task.GetType().FullName}");
                continue;
            }

            nodes[task.Name] = task;
        }

        // The chosen instance is the one that runs: it may carry settings the catalog's default instance lacks.
        foreach (var task in chosen.Tasks)
        {
            nodes[task.Name] = task;
        }

        return nodes;
    }

    private static void AddDeclaredEdges(TaskGraph graph, IEnumerable<BuildTask> tasks, List<string> problems)
    {
        foreach (var task in tasks)
        {
            foreach (var (kind, type) in task.Predecessors.Select(t => ("predecessor", t)).Concat(task.Successors.Select(t => ("successor", t))))
            {
                if (!graph.TasksOfType([type]).Any())
                {
                    problems.Add($"{task.Name} names {type.Name} as a {kind}, but no task of that type exists (is it a BuildTask with a parameterless constructor in a loaded assembly?)");
                }
            }

            foreach (var predecessor in graph.TasksOfType(task.Predecessors))
            {
                if (predecessor.Phase > task.Phase)
                {
                    problems.Add($"{task.Name} ({task.Phase.ToName()}) names {predecessor.Name} as a predecessor, but {predecessor.Name} runs in the later phase {predecessor.Phase.ToName()}");
                    continue;
                }

                graph.AddEdge(predecessor, task);
            }

            foreach (var successor in graph.TasksOfType(task.Successors))
            {
                if (successor.Phase < task.Phase)
                {
                    problems.Add($"{task.Name} ({task.Phase.ToName()}) names {successor.Name} as a successor, but {successor.Name} runs in the earlier phase {successor.Phase.ToName()}");
                    continue;
                }

                graph.AddEdge(task, successor);
            }
        }
    }

    private static void AddPhaseEndEdges(TaskGraph graph, IEnumerable<BuildTask> tasks)
    {
        var byPhase = tasks.ToLookup(t => t.Phase);
        foreach (var phase in byPhase)
        {
            foreach (var last in phase.Where(t => t.RunsLastInPhase))
            {
                foreach (var other in phase.Where(t => !t.RunsLastInPhase))
                {
                    graph.AddEdge(other, last);
                }
            }
        }
    }

    private static string DescribeCycle(IReadOnlyList<BuildTask> cycle) =>
        $"cycle: {string.Join(" -> ", cycle.Select(t => t.Name))} -> {cycle[0].Name} (in {cycle[0].Phase.ToName()})";
}
