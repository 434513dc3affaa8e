using Kiln.Builds;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Tasks;

/// <summary>kiln plan --graph: phases as clusters, the plan's tasks highlighted with their position, the constraints as edges.</summary>
public sealed class TaskGraphDotTests
{
    [Fact]
    public void The_graph_has_a_cluster_per_phase_and_highlights_the_chosen_tasks()
    {
        var spec = TestManifests.Read(TestManifests.Minimal);
        var plan = BuildPlanning.CreatePlan(spec, TestManifests.Registry);

        var dot = TaskGraphDot.Render(TaskCatalog.FromAssemblies(TestManifests.Registry.Assemblies), plan, "test");

        dot.ShouldStartWith("digraph kiln {");
        dot.ShouldContain("subgraph cluster_00_validation {");
        dot.ShouldContain("subgraph cluster_05_os_installation {");
        var bootstrap = plan.Steps.Single(s => s.Task.Name == "BootstrapSystem");
        dot.ShouldContain($"\"BootstrapSystem\" [label=\"{bootstrap.Position}. BootstrapSystem\\nBootstrapping the base system\", fillcolor=\"#ffd27f\"");
        dot.ShouldContain(" -> ");
        dot.TrimEnd().ShouldEndWith("}");
    }
}
