using Kiln.Plugins.VendorRepositories;
using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Salt;

/// <summary>The salt plugin's settings: bootstrap-vz's install_source, version, master and grains, and the vendor repository.</summary>
public sealed record SaltSettings(string InstallSource, string? Version, string? Master, JObject? Grains, VendorRepository? Repository) : IVendorRepositorySettings
{
    public const string Stable = "stable";

    public SourceMap Where { get; init; } = SourceMap.None;

    public static SaltSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new SaltSettings(
            (string?)settings["install_source"] ?? Stable,
            (string?)settings["version"],
            (string?)settings["master"],
            (settings["grains"] as JObject)?.DeepClone() as JObject,
            VendorRepository.Bind(section))
        {
            Where = section.Locations,
        };
    }
}
