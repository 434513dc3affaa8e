using Kiln.Manifests;
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
    public static AnsibleSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = manifest.PluginSettings(AnsiblePlugin.PluginName);
        return new AnsibleSettings(
            Path.GetFullPath((string?)settings["playbook"] ?? ".", manifest.Document.Directory),
            settings["extra_vars"] as JObject,
            Strings(settings["tags"]),
            Strings(settings["skip_tags"]),
            Strings(settings["opt_flags"]),
            Strings(settings["groups"]));
    }

    private static List<string> Strings(JToken? token) => token is JArray items ? [.. items.Select(item => (string)item!)] : [];
}
