using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.CloudInit;

/// <summary>The cloud_init plugin's settings (bootstrap-vz's, with enable_modules for all three module lists).</summary>
public sealed record CloudInitSettings(
    string Username,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> MetadataSources,
    IReadOnlyList<string> DisableModules,
    IReadOnlyList<ModuleInsertion> EnableModules)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static CloudInitSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var sources = (string?)settings["metadata_sources"];
        return new CloudInitSettings(
            (string)settings["username"]!,
            Strings(settings["groups"]),
            sources is null ? [] : DataSources.Parse(sources),
            Strings(settings["disable_modules"]),
            Insertions(settings["enable_modules"] as JObject))
        {
            Where = section.Locations,
        };
    }

    private static List<string> Strings(JToken? token) => token is JArray array ? [.. array.Select(item => (string)item!)] : [];

    private static List<ModuleInsertion> Insertions(JObject? sections) =>
    [
        .. (sections ?? []).Properties().SelectMany(section => ((JArray)section.Value).OfType<JObject>()
            .Select((entry, index) => new ModuleInsertion(section.Name, (string)entry["module"]!, (long)entry["position"]!) { Index = index })),
    ];
}
