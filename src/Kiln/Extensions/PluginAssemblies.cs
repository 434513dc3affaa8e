using System.Reflection;
using System.Runtime.Loader;

namespace Kiln.Extensions;

/// <summary>
/// Loads third-party plugins: .NET assemblies in the directories of <c>--plugin-path</c> and
/// <c>KILN_PLUGIN_PATH</c> that implement <see cref="IPlugin"/>. A built-in plugin of the same name wins;
/// two plugin files with one name are an error naming both.
/// </summary>
public static class PluginAssemblies
{
    public const string EnvironmentVariable = "KILN_PLUGIN_PATH";

    /// <summary>The option's directories first, then those of the colon-separated environment variable.</summary>
    public static IReadOnlyList<string> Directories(IEnumerable<string> fromOptions, string? environment)
    {
        ArgumentNullException.ThrowIfNull(fromOptions);
        var fromEnvironment = (environment ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. fromOptions.Concat(fromEnvironment).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
    }

    public static void LoadInto(ExtensionRegistry registry, IReadOnlyList<string> directories, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(warn);
        if (directories.Count == 0)
        {
            return;
        }

        foreach (var directory in directories.Where(d => !Directory.Exists(d)))
        {
            throw new UserInputException($"the plugin directory {directory} does not exist");
        }

        // A plugin's own dependencies are looked for next to it.
        AssemblyLoadContext.Default.Resolving += (context, name) => directories
            .Select(directory => Path.Combine(directory, name.Name + ".dll"))
            .Where(File.Exists)
            .Select(context.LoadFromAssemblyPath)
            .FirstOrDefault();

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).ToHashSet(StringComparer.Ordinal);
        foreach (var file in directories.SelectMany(d => Directory.GetFiles(d, "*.dll").Order(StringComparer.Ordinal)))
        {
            var assembly = Load(file, loaded);
            if (assembly is null)
            {
                continue;
            }

            foreach (var plugin in PluginsIn(assembly, file))
            {
                Register(registry, plugin, file, warn);
            }
        }
    }

    private static Assembly? Load(string file, HashSet<string?> loaded)
    {
        AssemblyName name;
        try
        {
            name = AssemblyName.GetAssemblyName(file);
        }
        catch (BadImageFormatException)
        {
            return null; // a native library next to a plugin
        }

        // Kiln itself and the libraries it already uses are shared with the plugin, never loaded twice.
        if (!loaded.Add(name.Name))
        {
            return null;
        }

        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
        }
        catch (Exception exception) when (exception is FileLoadException or BadImageFormatException)
        {
            throw new UserInputException($"the plugin assembly {file} cannot be loaded: {exception.Message}", exception);
        }
    }

    private static List<IPlugin> PluginsIn(Assembly assembly, string file)
    {
        try
        {
            return [.. BuiltInExtensions.Create<IPlugin>(assembly)];
        }
        catch (Exception exception) when (exception is ReflectionTypeLoadException or FileNotFoundException or TypeLoadException or TargetInvocationException)
        {
            throw new UserInputException($"the plugins in {file} cannot be created: {exception.InnerException?.Message ?? exception.Message}", exception);
        }
    }

    private static void Register(ExtensionRegistry registry, IPlugin plugin, string file, Action<string> warn)
    {
        if (registry.FindPlugin(plugin.Name) is not null)
        {
            if (registry.OriginOf(plugin.Name) is { } other)
            {
                throw new UserInputException($"two plugin assemblies define the plugin `{plugin.Name}`: {other} and {file}; remove one of them from the plugin path");
            }

            warn($"the plugin `{plugin.Name}` in {file} is ignored: a built-in plugin has that name");
            return;
        }

        registry.AddPlugin(plugin, file);
    }
}
