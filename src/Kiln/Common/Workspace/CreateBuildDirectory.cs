using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Workspace;

/// <summary>
/// Creates this build's directory in the workspace. It is removed when the build ends, however it ends:
/// its removal is the first step on the undo stack, so it runs last, after everything else (the
/// hooks' clean call included) has been given back.
/// </summary>
public sealed class CreateBuildDirectory : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Creating the build directory";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paths = context.Paths;
        Directory.CreateDirectory(paths.Workspace);
        if (Directory.Exists(paths.BuildDirectory))
        {
            throw new KilnException($"the build directory {paths.BuildDirectory} exists already");
        }

        Directory.CreateDirectory(paths.BuildDirectory);
        context.BuildDirectoryRemoval = context.Undo.Push($"remove {paths.BuildDirectory}", ct => RemoveAsync(context, ct));
        Directory.CreateDirectory(paths.Scratch);
        Directory.CreateDirectory(paths.OutputDirectory);
        return Task.CompletedTask;
    }

    private static async Task RemoveAsync(BuildContext context, CancellationToken cancellationToken)
    {
        var directory = context.Paths.BuildDirectory;
        await context.StateOf<BackgroundRemoval>().WaitAsync();
        await ProcessTree.TerminateAsync(ProcessTree.RootedIn(directory), TimeSpan.FromSeconds(10));

        // Never delete through a mount point: a bind mount of /dev below here would take the host's /dev with it.
        await Mounts.UnmountAllBelowAsync(context.Runner, directory, cancellationToken);
        if (MountTable.Below(MountTable.ReadMountPoints(), directory).Count > 0)
        {
            throw new KilnException($"{directory} still has mounts below it; it was left in place");
        }

        await context.Runner.RunCheckedAsync(new CommandLine("rm", "-rf", "--one-file-system", directory), cancellationToken);
    }
}
