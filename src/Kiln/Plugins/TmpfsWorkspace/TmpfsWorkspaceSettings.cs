using Kiln.Disks;
using Kiln.Manifests;

namespace Kiln.Plugins.TmpfsWorkspace;

/// <summary>The tmpfs_workspace plugin's settings: an optional size limit (Kiln's addition; tmpfs's own default is half the RAM).</summary>
public sealed record TmpfsWorkspaceSettings(ByteSize? Size)
{
    public static TmpfsWorkspaceSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var size = (string?)manifest.PluginSettings(TmpfsWorkspacePlugin.PluginName)["size"];
        return new TmpfsWorkspaceSettings(size is null ? null : ByteSize.Parse(size));
    }
}
