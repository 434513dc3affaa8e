using Kiln.Tasks;

namespace Kiln.Host;

/// <summary>Mounts on the host, each registered on the undo stack the moment it exists.</summary>
public sealed class Mounts(ICommandRunner runner, UndoStack undo, BuildJournal? journal = null)
{
    public async Task<UndoEntry> MountAsync(string source, string target, string? type, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        journal?.Record(new Acquisition(Acquisition.Mount, target));
        var arguments = new List<string>();
        if (type is not null)
        {
            arguments.AddRange(["-t", type]);
        }

        if (options.Count > 0)
        {
            arguments.AddRange(["-o", string.Join(',', options)]);
        }

        arguments.AddRange([source, target]);
        await runner.RunCheckedAsync(new CommandLine("mount", arguments), cancellationToken);
        return undo.Push($"unmount {target}", ct => UnmountAsync(runner, target, ct));
    }

    public Task<UndoEntry> BindAsync(string source, string target, CancellationToken cancellationToken) =>
        MountAsync(source, target, null, ["bind"], cancellationToken);

    /// <summary>Unmounts a mount point; when it is busy, detaches it lazily so that the rollback can go on.</summary>
    public static async Task UnmountAsync(ICommandRunner runner, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var result = await runner.RunAsync(new CommandLine("umount", target), cancellationToken);
        if (!result.Succeeded && MountTable.ReadMountPoints().Contains(target))
        {
            await runner.RunCheckedAsync(new CommandLine("umount", "--lazy", target), cancellationToken);
        }
    }

    /// <summary>Unmounts everything mounted at or below <paramref name="directory"/>, innermost first (what a killed child left).</summary>
    public static async Task UnmountAllBelowAsync(ICommandRunner runner, string directory, CancellationToken cancellationToken)
    {
        foreach (var mountPoint in MountTable.Below(MountTable.ReadMountPoints(), directory))
        {
            await UnmountAsync(runner, mountPoint, cancellationToken);
        }
    }
}
