using System.Text.RegularExpressions;
using Kiln.Host;
using Kiln.Publishing;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;

namespace Kiln.Builds;

/// <summary>
/// Builds whose process is gone (killed, out of memory, a power cut) and what they left on the host. Such
/// a build's lock is free; its journal says what it took. Recovery gives it back in reverse: processes in
/// its root are stopped, mounts unmounted (never deleting through one), loop devices detached, binfmt
/// entries released, unfinished outputs (files, and logical volumes of <c>backing: lvm</c>) deleted, what a
/// publication made in a cloud deleted, then the build directory is removed; then the shared trees of runs that
/// died (<see cref="Caching.RunTreeStore"/>). A live build's directory is never
/// touched. A cloud resource that cannot be deleted now (no credentials here) keeps its journal, so a later
/// <c>kiln clean</c> tries again.
/// </summary>
public sealed partial class StaleBuilds(ICommandRunner runner, ILogger logger, Func<CloudResource, CancellationToken, Task>? reclaim = null)
{
    private readonly Func<CloudResource, CancellationToken, Task> _reclaim = reclaim ?? ReclaimWithProcessCredentials;
    private readonly List<string> _problems = [];

    /// <summary>What could not be given back (a journal that stays for the next try), one sentence each.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The directories of the builds in <paramref name="workspace"/> whose process is gone.</summary>
    public static IReadOnlyList<string> Find(string workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!Directory.Exists(workspace))
        {
            return [];
        }

        var directories = Directory.GetDirectories(workspace).Where(d => BuildDirectoryName().IsMatch(Path.GetFileName(d)));
        var journals = Directory.GetFiles(workspace, "kiln-*.journal").Select(j => j[..^".journal".Length]);
        return [.. directories.Concat(journals).Distinct(StringComparer.Ordinal).Where(d => !BuildOwnership.IsAlive(d + ".lock")).Order(StringComparer.Ordinal)];
    }

    /// <summary>Recovers every stale build of the workspace; returns the directories recovered.</summary>
    public async Task<IReadOnlyList<string>> RecoverAllAsync(string workspace, CancellationToken cancellationToken)
    {
        var recovered = new List<string>();
        foreach (var directory in Find(workspace))
        {
            if (await RecoverAsync(directory, cancellationToken))
            {
                recovered.Add(directory);
            }
        }

        // A run of several manifests that died left its shared trees (in memory, perhaps): its builds are given
        // back above, so nothing is layered on them any more.
        await Caching.RunTreeStore.RemoveAbandonedAsync(runner, workspace);

        return recovered;
    }

    /// <summary>Recovers one stale build; false when it turned out to be alive (its lock is held).</summary>
    public async Task<bool> RecoverAsync(string buildDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buildDirectory);
        var lockPath = buildDirectory + ".lock";
        using var ownership = File.Exists(lockPath) ? BuildOwnership.TryTakeOver(lockPath) : BuildOwnership.Claim(lockPath);
        if (ownership is null)
        {
            return false;
        }

        var journal = buildDirectory + ".journal";
        var acquisitions = BuildJournal.Read(journal);
        LogRecovering(buildDirectory, acquisitions.Count);
        await ProcessTree.TerminateAsync(ProcessTree.RootedIn(buildDirectory), TimeSpan.FromSeconds(10));
        var cloudLeft = 0;
        foreach (var acquisition in acquisitions.Reverse())
        {
            if (acquisition.Kind == Acquisition.Cloud)
            {
                cloudLeft += await ReclaimAsync(acquisition, buildDirectory, cancellationToken) ? 0 : 1;
                continue;
            }

            await GiveBackAsync(acquisition, Path.GetFileName(buildDirectory), cancellationToken);
        }

        // What the journal cannot know: the bootstrapper's own mounts in the root, loop devices of files below.
        await Mounts.UnmountAllBelowAsync(runner, buildDirectory, cancellationToken);
        await DetachLoopsAsync(file => file.StartsWith(buildDirectory + "/", StringComparison.Ordinal), cancellationToken);
        if (MountTable.Below(MountTable.ReadMountPoints(), buildDirectory).Count > 0 || MountTable.ReadMountPoints().Contains(buildDirectory))
        {
            throw new KilnException($"{buildDirectory} still has mounts below it; it was left in place (unmount them and run kiln clean again)");
        }

        if (Directory.Exists(buildDirectory))
        {
            await runner.RunCheckedAsync(new CommandLine("rm", "-rf", "--one-file-system", buildDirectory), cancellationToken);
        }

        if (cloudLeft > 0)
        {
            // The journal stays: it is all that knows those resources.
            return false;
        }

        File.Delete(journal);
        return true;
    }

    private async Task<bool> ReclaimAsync(Acquisition acquisition, string buildDirectory, CancellationToken cancellationToken)
    {
        if (CloudResource.Parse(acquisition.Path) is not { } resource)
        {
            return true;
        }

        LogGivingBack(resource.ToString());
        try
        {
            await _reclaim(resource, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            var problem = $"the publication {Path.GetFileName(buildDirectory)} made the {resource}, which cannot be deleted now ({exception.Message}); give kiln clean that cloud's credentials and run it again";
            LogReclaimFailed(problem);
            _problems.Add(problem);
            return false;
        }
    }

    private static Task ReclaimWithProcessCredentials(CloudResource resource, CancellationToken cancellationToken) =>
        Clouds.Require(resource.Cloud).ReclaimAsync(resource, new CloudAccess(), cancellationToken);

    private async Task GiveBackAsync(Acquisition acquisition, string buildKey, CancellationToken cancellationToken)
    {
        LogGivingBack(acquisition.ToString());
        switch (acquisition.Kind)
        {
            case Acquisition.Mount:
                await Mounts.UnmountAllBelowAsync(runner, acquisition.Path, cancellationToken);
                if (MountTable.ReadMountPoints().Contains(acquisition.Path))
                {
                    await Mounts.UnmountAsync(runner, acquisition.Path, cancellationToken);
                }

                break;
            case Acquisition.Loop:
                await DetachLoopsAsync(file => file == acquisition.Path, cancellationToken);
                break;
            case Acquisition.Binfmt:
                await new BinfmtRegistrations(runner, new UndoStack(logger), BuildJournal.None).ReleaseAsync(acquisition.Path, buildKey, cancellationToken);
                break;
            case Acquisition.File:
                File.Delete(acquisition.Path);
                break;
            case Acquisition.LogicalVolume when acquisition.Path.Split('/') is [var group, var volume]:
                // Gone already when the build renamed it (published) or removed it before it died.
                await runner.RunAsync(Disks.Lvm.HostLogicalVolumeCommands.Remove(group, volume), cancellationToken);
                break;
            case Acquisition.Lock:
                OutputLocks.RemoveStale(acquisition.Path);
                break;
        }
    }

    private async Task DetachLoopsAsync(Func<string, bool> backedBy, CancellationToken cancellationToken)
    {
        foreach (var (device, file) in LoopBackingFiles())
        {
            if (backedBy(file))
            {
                await runner.RunAsync(new CommandLine("losetup", "--detach", device), cancellationToken);
            }
        }
    }

    /// <summary>Every loop device and the file behind it, from /sys/block.</summary>
    private static IEnumerable<(string Device, string File)> LoopBackingFiles()
    {
        if (!Directory.Exists("/sys/block"))
        {
            yield break;
        }

        foreach (var block in Directory.GetDirectories("/sys/block", "loop*"))
        {
            var backing = Path.Combine(block, "loop", "backing_file");
            if (File.Exists(backing))
            {
                yield return ($"/dev/{Path.GetFileName(block)}", File.ReadAllText(backing).Trim());
            }
        }
    }

    [GeneratedRegex(@"^kiln-\d{8}-\d{6}-[0-9a-f]{6}$")]
    private static partial Regex BuildDirectoryName();

    [LoggerMessage(Level = LogLevel.Warning, Message = "recovering the stale build {Directory} ({Count} acquisitions in its journal)")]
    private partial void LogRecovering(string directory, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    private partial void LogReclaimFailed(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "giving back {Acquisition}")]
    private partial void LogGivingBack(string acquisition);
}
