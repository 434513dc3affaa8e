using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Ansible;

/// <summary>The ansible plugin's settings, bootstrap-vz's: the playbook (resolved against the manifest) and ansible-playbook's options.</summary>
public sealed record AnsibleSettings(
    string Playbook,
    JObject? ExtraVars,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> SkipTags,
    IReadOnlyList<string> OptFlags,
    IReadOnlyList<string> Groups)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static AnsibleSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new AnsibleSettings(
            section.FullPath((string?)settings["playbook"] ?? "."),
            (settings["extra_vars"] as JObject)?.DeepClone() as JObject,
            Strings(settings["tags"]),
            Strings(settings["skip_tags"]),
            Strings(settings["opt_flags"]),
            Strings(settings["groups"]))
        {
            Where = section.Locations,
        };
    }

    private static List<string> Strings(JToken? token) => token is JArray items ? [.. items.Select(item => (string)item!)] : [];
}
