using System.Reflection;

namespace Kiln.Tasks;

/// <summary>
/// Every task Kiln knows, chosen or not: the planner orders them all so that an ordering constraint that
/// passes through a task not chosen for this build still holds.
/// </summary>
public sealed class TaskCatalog
{
    private readonly List<BuildTask> _tasks = [];

    public IReadOnlyList<BuildTask> Tasks => _tasks;

    /// <summary>Every concrete task type with a parameterless constructor in the given assemblies.</summary>
    public static TaskCatalog FromAssemblies(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var catalog = new TaskCatalog();
        var types = assemblies.Distinct()
            .SelectMany(LoadableTypes)
            .Where(type => type.IsSubclassOf(typeof(BuildTask)) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            catalog.Add((BuildTask)Activator.CreateInstance(type)!);
        }

        return catalog;
    }

    public static TaskCatalog Of(IEnumerable<BuildTask> tasks)
    {
        var catalog = new TaskCatalog();
        foreach (var task in tasks)
        {
            catalog.Add(task);
        }

        return catalog;
    }

    public void Add(BuildTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _tasks.Add(task);
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }
}
