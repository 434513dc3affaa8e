using Kiln.Extensions;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Builds;

/// <summary>From a spec to a plan: the provider, the boot chain and the plugins choose tasks, the planner orders them among all known tasks.</summary>
public static class BuildPlanning
{
    public static TaskSet ChooseTasks(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var tasks = new TaskSet();
        spec.Provider.ResolveTasks(tasks, spec);
        foreach (var plugin in spec.Plugins)
        {
            plugin.ResolveTasks(tasks, spec);
        }

        return tasks;
    }

    public static Plan CreatePlan(BuildSpec spec, ExtensionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var tasks = ChooseTasks(spec);
        var catalog = TaskCatalog.FromAssemblies(registry.Assemblies);
        return Planner.CreatePlan(catalog, tasks);
    }
}
