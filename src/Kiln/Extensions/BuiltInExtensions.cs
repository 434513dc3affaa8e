using System.Reflection;

namespace Kiln.Extensions;

/// <summary>The providers and plugins that ship with Kiln: every concrete implementation in this assembly.</summary>
public static class BuiltInExtensions
{
    public static IEnumerable<IProvider> Providers => Create<IProvider>(typeof(BuiltInExtensions).Assembly);

    public static IEnumerable<IPlugin> Plugins => Create<IPlugin>(typeof(BuiltInExtensions).Assembly);

    /// <summary>One instance of every public concrete <typeparamref name="T"/> with a parameterless constructor in the assembly.</summary>
    public static IEnumerable<T> Create<T>(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetExportedTypes()
            .Where(type => type.IsClass && !type.IsAbstract && typeof(T).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (T)Activator.CreateInstance(type)!);
    }
}
