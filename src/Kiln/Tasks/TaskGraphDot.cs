using System.Globalization;
using System.Text;

namespace Kiln.Tasks;

/// <summary>
/// The task graph in Graphviz's DOT language (<c>kiln plan --graph</c>): every known task in its phase's cluster,
/// phases top to bottom, the ordering constraints as edges, and the tasks of this plan highlighted with their
/// position. Pure.
/// </summary>
public static class TaskGraphDot
{
    public static string Render(TaskCatalog catalog, Plan plan, string title)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(plan);
        var positions = plan.Steps.ToDictionary(s => s.Task.Name, s => s.Position, StringComparer.Ordinal);
        var tasks = catalog.Tasks.Concat(plan.Tasks).DistinctBy(t => t.Name).OrderBy(t => t.Phase).ThenBy(t => positions.GetValueOrDefault(t.Name, int.MaxValue)).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var byType = tasks.GroupBy(t => t.GetType()).ToDictionary(g => g.Key, g => g.First().Name);
        var text = new StringBuilder();
        text.Append("digraph kiln {\n");
        text.Append(CultureInfo.InvariantCulture, $"  label={Quote(title)};\n  labelloc=t;\n  rankdir=TB;\n  newrank=true;\n");
        text.Append("  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=10, fillcolor=\"#f4f4f4\", color=\"#b0b0b0\", fontcolor=\"#808080\"];\n");
        text.Append("  edge [color=\"#909090\", arrowsize=0.6];\n");
        foreach (var phase in tasks.GroupBy(t => t.Phase).OrderBy(g => g.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"  subgraph cluster_{(int)phase.Key:00}_{phase.Key.ToName()} {{\n");
            text.Append(CultureInfo.InvariantCulture, $"    label={Quote(phase.Key.ToName())};\n    style=rounded;\n    color=\"#5b7fa6\";\n    fontname=\"sans-serif\";\n");
            foreach (var task in phase)
            {
                text.Append("    ").Append(Quote(task.Name));
                text.Append(positions.TryGetValue(task.Name, out var position)
                    ? string.Create(CultureInfo.InvariantCulture, $" [label={Quote($"{position}. {task.Name}\n{task.Description}")}, fillcolor=\"#ffd27f\", color=\"#a06000\", fontcolor=black, penwidth=2]")
                    : $" [label={Quote(task.Name)}]");
                text.Append(";\n");
            }

            text.Append("  }\n");
        }

        var edges = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            foreach (var before in task.Predecessors.Where(byType.ContainsKey))
            {
                edges.Add(Edge(byType[before], task.Name, positions));
            }

            foreach (var after in task.Successors.Where(byType.ContainsKey))
            {
                edges.Add(Edge(task.Name, byType[after], positions));
            }
        }

        foreach (var edge in edges)
        {
            text.Append("  ").Append(edge).Append('\n');
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string Edge(string from, string to, Dictionary<string, int> positions) =>
        positions.ContainsKey(from) && positions.ContainsKey(to)
            ? $"{Quote(from)} -> {Quote(to)} [color=\"#a06000\", penwidth=1.5];"
            : $"{Quote(from)} -> {Quote(to)};";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
