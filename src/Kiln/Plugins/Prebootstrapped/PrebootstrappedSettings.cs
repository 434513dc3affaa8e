using Kiln.Manifests;

namespace Kiln.Plugins.Prebootstrapped;

/// <summary>The prebootstrapped plugin's settings: the folder of saved trees, absolute (default WORKSPACE/prebootstrapped).</summary>
public sealed record PrebootstrappedSettings(string Folder)
{
    public const string DefaultFolderName = "prebootstrapped";

    public static PrebootstrappedSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var folder = (string?)manifest.PluginSettings(PrebootstrappedPlugin.PluginName)["folder"];
        return new PrebootstrappedSettings(folder is null
            ? Path.Combine(manifest.Bootstrapper.Workspace, DefaultFolderName)
            : Path.GetFullPath(folder, manifest.Document.Directory));
    }
}
