using System.Reflection;

namespace Kiln.Extensions;

/// <summary>The providers and plugins Kiln can use, and the assemblies their tasks come from.</summary>
public sealed class ExtensionRegistry
{
    private readonly Dictionary<string, IProvider> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IPlugin> _plugins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pluginOrigins = new(StringComparer.Ordinal);
    private readonly HashSet<Assembly> _assemblies = [typeof(ExtensionRegistry).Assembly];

    public IReadOnlyCollection<IProvider> Providers => _providers.Values;

    public IReadOnlyCollection<IPlugin> Plugins => _plugins.Values;

    public IReadOnlyCollection<Assembly> Assemblies => _assemblies;

    /// <summary>The built-in providers and plugins.</summary>
    public static ExtensionRegistry CreateDefault()
    {
        var registry = new ExtensionRegistry();
        foreach (var provider in BuiltInExtensions.Providers)
        {
            registry.AddProvider(provider);
        }

        foreach (var plugin in BuiltInExtensions.Plugins)
        {
            registry.AddPlugin(plugin);
        }

        return registry;
    }

    public void AddProvider(IProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _providers.Add(provider.Name, provider);
        _assemblies.Add(provider.GetType().Assembly);
    }

    /// <summary>Adds a plugin; <paramref name="origin"/> is the assembly file it came from (null for built-in plugins).</summary>
    public void AddPlugin(IPlugin plugin, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        _plugins.Add(plugin.Name, plugin);
        if (origin is not null)
        {
            _pluginOrigins[plugin.Name] = origin;
        }

        _assemblies.Add(plugin.GetType().Assembly);
    }

    /// <summary>The file a plugin was loaded from, or null when it is built in.</summary>
    public string? OriginOf(string pluginName) => _pluginOrigins.GetValueOrDefault(pluginName);

    public bool HasPlugin(string name) => _plugins.ContainsKey(name);

    public IProvider? FindProvider(string name) => _providers.GetValueOrDefault(name);

    public IPlugin? FindPlugin(string name) => _plugins.GetValueOrDefault(name);
}
