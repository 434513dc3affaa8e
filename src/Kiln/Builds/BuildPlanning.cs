using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Builds;

/// <summary>From a manifest to a plan: the provider and plugins choose tasks, the planner orders them among all known tasks.</summary>
public static class BuildPlanning
{
    public static TaskSet ChooseTasks(Manifest manifest, ExtensionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(registry);
        var tasks = new TaskSet();
        registry.FindProvider(manifest.Provider.Name)!.ResolveTasks(tasks, manifest);
        foreach (var name in manifest.Plugins.Keys.Order(StringComparer.Ordinal))
        {
            registry.FindPlugin(name)!.ResolveTasks(tasks, manifest);
        }

        return tasks;
    }

    public static Plan CreatePlan(Manifest manifest, ExtensionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var tasks = ChooseTasks(manifest, registry);
        var catalog = TaskCatalog.FromAssemblies(registry.Assemblies);
        return Planner.CreatePlan(catalog, tasks);
    }
}
