using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.TmpfsWorkspace;

/// <summary>
/// bootstrap-vz's tmpfs_workspace plugin: the build directory (root tree, disk file, scratch files) lives on a
/// tmpfs for the build, so its heavy I/O goes to memory; the finished image and the logs still go to disk.
/// </summary>
public sealed class TmpfsWorkspacePlugin : IPlugin
{
    public const string PluginName = "tmpfs_workspace";

    /// <summary>Below this not even a minimal Debian tree fits; a smaller size is certainly a typo.</summary>
    public static readonly ByteSize MinimumSize = ByteSize.FromMiB(64);

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin tmpfs_workspace", typeof(TmpfsWorkspacePlugin).Assembly, "Plugins/TmpfsWorkspace/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (TmpfsWorkspaceSettings.From(manifest).Size is { } size && size < MinimumSize)
        {
            yield return manifest.Document.ErrorAt(manifest.Document.Root.SelectToken("plugins.tmpfs_workspace.size"),
                $"a tmpfs of {size} cannot hold a Debian tree; give at least {MinimumSize}, or leave size out for half the RAM");
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<MountTmpfsOnBuildDirectory>();
    }
}
