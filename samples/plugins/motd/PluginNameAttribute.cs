namespace Kiln.Samples.Motd;

/// <summary>The name the plugin is built with (the tests build a second copy under another name).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class PluginNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
