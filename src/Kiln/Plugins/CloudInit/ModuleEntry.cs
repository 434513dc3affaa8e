namespace Kiln.Plugins.CloudInit;

/// <summary>One entry of a cloud-init module list: a name, or a list of the name and its frequency and arguments.</summary>
public sealed record ModuleEntry(string Name, IReadOnlyList<string> Arguments)
{
    public ModuleEntry(string name)
        : this(name, [])
    {
    }

    /// <summary>cloud-init treats - and _ in module names alike (write-files is write_files).</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Replace('-', '_');
    }

    public bool Is(string name) => Key(Name) == Key(name);

    /// <summary>The entry as a YAML flow item.</summary>
    public string Render() => Arguments.Count == 0 ? Name : $"[{string.Join(", ", new[] { Name }.Concat(Arguments))}]";
}
