using System.Globalization;
using Kiln.Common.Workspace;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Plugins.Hooks;
using Kiln.Tasks;

namespace Kiln.Plugins.TmpfsWorkspace;

/// <summary>
/// Mounts a tmpfs on the build directory (the tmpfs_workspace plugin's, or the one a build that keeps no tree gets
/// by itself: <see cref="InMemoryWorkspace"/>) as soon as it exists, before anything is written into it. The
/// unmount is registered at once and runs after every other undo step that still needs the directory (the
/// hooks' rollback and clean calls, the background removal of the root tree), before the directory goes.
/// </summary>
public sealed class MountTmpfsOnBuildDirectory : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Mounting a tmpfs on the build directory";

    public override IReadOnlyList<Type> Predecessors => [typeof(CreateBuildDirectory)];

    // Registered before the hooks' calls, so that it is undone after them.
    public override IReadOnlyList<Type> Successors => [typeof(PrepareHookCalls)];

    public override IEnumerable<HostTool> Tools => [new HostTool("mount", "mount"), new HostTool("umount", "mount")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.Paths.BuildDirectory;
        var automatic = context.Spec.InMemoryWorkspace;
        var settings = automatic ?? context.Spec.SettingsOf<TmpfsWorkspaceSettings>();
        context.Journal.Record(new Acquisition(Acquisition.Mount, directory));
        await context.Runner.RunCheckedAsync(MountCommand(directory, settings), cancellationToken);
        context.Undo.Push($"unmount the tmpfs on {directory}", async ct =>
        {
            await context.StateOf<BackgroundRemoval>().WaitAsync();
            await Mounts.UnmountAsync(context.Runner, directory, ct);
        });

        // The mount hides what CreateBuildDirectory made inside the directory.
        Directory.CreateDirectory(context.Paths.Scratch);
        context.Announce($"building in memory: a tmpfs on {directory}{(settings.Size is { } size ? $" of at most {size}" : string.Empty)}"
            + (automatic is null ? string.Empty : " (nothing of the build directory is kept and the host has the memory; bootstrapper.in_memory: false builds on disk)"));
    }

    public static CommandLine MountCommand(string directory, TmpfsWorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TmpfsMount.Command("kiln-tmpfs", directory, "0755", settings.Size);
    }
}
