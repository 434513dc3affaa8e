using Kiln.Plugins.VendorRepositories;
using Kiln.Specs;

namespace Kiln.Plugins.OpenNebula;

/// <summary>The opennebula plugin's settings: the vendor repository one-context comes from.</summary>
public sealed record OpenNebulaSettings(VendorRepository? Repository) : IVendorRepositorySettings
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static OpenNebulaSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new OpenNebulaSettings(VendorRepository.Bind(section)) { Where = section.Locations };
    }
}
