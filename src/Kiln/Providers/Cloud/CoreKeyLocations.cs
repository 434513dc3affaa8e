using Kiln.Manifests;
using Kiln.Specs;

namespace Kiln.Providers.Cloud;

/// <summary>Where the core keys a cloud provider's rules are about are written: the errors point there.</summary>
public sealed record CoreKeyLocations(SourceLocation Backing, SourceLocation Bootloader, SourceLocation Architecture, SourceLocation SecureBoot, SourceLocation Partitions)
{
    public static CoreKeyLocations None { get; } = new(SourceMap.None.Section, SourceMap.None.Section, SourceMap.None.Section, SourceMap.None.Section, SourceMap.None.Section);

    public static CoreKeyLocations Of(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new(
            section.LocationInManifest("volume", "backing"),
            section.LocationInManifest("system", "bootloader"),
            section.LocationInManifest("system", "architecture"),
            section.LocationInManifest("system", "secure_boot"),
            section.LocationInManifest("volume", "partitions"));
    }
}
