using YamlDotNet.RepresentationModel;

namespace Kiln.Plugins.CloudInit;

/// <summary>What the plugin needs from the package's /etc/cloud/cloud.cfg: the three module lists and the default user's groups.</summary>
public sealed record CloudConfig(IReadOnlyDictionary<string, IReadOnlyList<ModuleEntry>> ModuleLists, IReadOnlyList<string> DefaultGroups)
{
    public static readonly IReadOnlyList<string> Sections = ["cloud_init_modules", "cloud_config_modules", "cloud_final_modules"];

    public static CloudConfig Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        var lists = new Dictionary<string, IReadOnlyList<ModuleEntry>>(StringComparer.Ordinal);
        foreach (var section in Sections)
        {
            lists[section] = Child(root, section) is YamlSequenceNode entries ? [.. entries.Select(Entry).OfType<ModuleEntry>()] : [];
        }

        var groups = Child(Child(Child(root, "system_info"), "default_user"), "groups") switch
        {
            YamlSequenceNode sequence => sequence.OfType<YamlScalarNode>().Select(g => g.Value ?? string.Empty).ToList(),
            YamlScalarNode { Value: { } line } => [.. line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            _ => [],
        };
        return new CloudConfig(lists, groups);
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static ModuleEntry? Entry(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } name } => new ModuleEntry(name),
        YamlSequenceNode { Children.Count: > 0 } list when list[0] is YamlScalarNode { Value: { } name } =>
            new ModuleEntry(name, [.. list.Children.Skip(1).OfType<YamlScalarNode>().Select(a => a.Value ?? string.Empty)]),
        _ => null,
    };
}
