using Kiln.Manifests;

namespace Kiln.Plugins.Chef;

/// <summary>The chef plugin's settings: the directory of Chef assets for /etc/chef, resolved against the manifest.</summary>
public sealed record ChefSettings(string? AssetsDirectory)
{
    public static ChefSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var assets = (string?)manifest.PluginSettings(ChefPlugin.PluginName)["assets"];
        return new ChefSettings(assets is null ? null : Path.GetFullPath(assets, manifest.Document.Directory));
    }
}
