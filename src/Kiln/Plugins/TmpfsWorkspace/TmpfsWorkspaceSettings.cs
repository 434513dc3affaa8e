using Kiln.Disks;
using Kiln.Specs;

namespace Kiln.Plugins.TmpfsWorkspace;

/// <summary>The tmpfs_workspace plugin's settings: an optional size limit (Kiln's addition; tmpfs's own default is half the RAM).</summary>
public sealed record TmpfsWorkspaceSettings(ByteSize? Size)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static TmpfsWorkspaceSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var size = (string?)section.Object["size"];
        return new TmpfsWorkspaceSettings(size is null ? null : ByteSize.Parse(size)) { Where = section.Locations };
    }
}
