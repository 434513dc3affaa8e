using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.TmpfsWorkspace;

/// <summary>
/// bootstrap-vz's tmpfs_workspace plugin: the build directory (root tree, disk file, scratch files) lives on a
/// tmpfs for the build, so its heavy I/O goes to memory; the finished image and the logs still go to disk.
/// </summary>
public sealed class TmpfsWorkspacePlugin : Plugin<TmpfsWorkspaceSettings>
{
    public const string PluginName = "tmpfs_workspace";

    /// <summary>Below this not even a minimal Debian tree fits; a smaller size is certainly a typo.</summary>
    public static readonly ByteSize MinimumSize = ByteSize.FromMiB(64);

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin tmpfs_workspace", typeof(TmpfsWorkspacePlugin).Assembly, "Plugins/TmpfsWorkspace/manifest-schema.yml");

    public override TmpfsWorkspaceSettings Bind(SettingsSection section) => TmpfsWorkspaceSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, TmpfsWorkspaceSettings settings)
    {
        if (settings.Size is { } size && size < MinimumSize)
        {
            yield return settings.Where.ErrorAt("size",
                $"a tmpfs of {size} cannot hold a Debian tree; give at least {MinimumSize}, or leave size out for half the RAM");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, TmpfsWorkspaceSettings settings) => tasks.Add<MountTmpfsOnBuildDirectory>();
}
