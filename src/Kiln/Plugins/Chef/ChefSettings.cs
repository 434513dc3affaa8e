using Kiln.Plugins.VendorRepositories;
using Kiln.Specs;

namespace Kiln.Plugins.Chef;

/// <summary>The chef plugin's settings: the vendor repository, and the directory of Chef assets for /etc/chef (resolved against the manifest).</summary>
public sealed record ChefSettings(string? AssetsDirectory, VendorRepository? Repository) : IVendorRepositorySettings
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static ChefSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var assets = (string?)section.Object["assets"];
        return new ChefSettings(assets is null ? null : section.FullPath(assets), VendorRepository.Bind(section)) { Where = section.Locations };
    }
}
