namespace Kiln.Specs;

/// <summary>The typed settings records of a build's provider and plugins, one per record type, bound once at resolve.</summary>
public sealed class ExtensionSettings
{
    private readonly Dictionary<Type, object> _byType = [];
    private readonly Dictionary<string, object> _byExtension = new(StringComparer.Ordinal);

    public void Add(string extensionName, object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _byType[settings.GetType()] = settings;
        _byExtension[extensionName] = settings;
    }

    /// <summary>The settings record of type <typeparamref name="T"/>; asking for one that was not bound is a bug.</summary>
    public T Get<T>()
        where T : class =>
        Find<T>() ?? throw new InvalidOperationException($"no extension of this build has settings of type {typeof(T).Name}");

    public T? Find<T>()
        where T : class => _byType.TryGetValue(typeof(T), out var settings) ? (T)settings : null;

    /// <summary>The settings record an extension bound, by its manifest name.</summary>
    public object? For(string extensionName) => _byExtension.GetValueOrDefault(extensionName);
}
