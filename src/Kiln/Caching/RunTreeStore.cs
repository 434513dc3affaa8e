using System.Globalization;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;

namespace Kiln.Caching;

/// <summary>
/// The store of trees of one run of several manifests, for builds that do not use the cache: builds with one
/// bootstrap still share it. It lives in the workspace (<c>.kiln-run-PID-trees</c>), in memory when the host has
/// it (<see cref="RunTreeMemory"/>: a tmpfs mounted on it), and is removed when the run ends; one left by a run
/// whose process is gone (its tmpfs, and whatever is mounted below it, too) is removed by the next build in that
/// workspace, or by <c>kiln clean</c>.
/// </summary>
public sealed class RunTreeStore
{
    private RunTreeStore(string directory) => Directory = directory;

    public string Directory { get; }

    public TreeCacheSettings Settings => new(Directory, new ByteSize(long.MaxValue));

    public static RunTreeStore Create(string? workspace)
    {
        var parent = Path.GetFullPath(workspace ?? BootstrapperSection.DefaultWorkspace);
        var directory = Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $".kiln-run-{Environment.ProcessId}-trees"));
        return new RunTreeStore(directory);
    }

    /// <summary>Stores of runs whose process is gone, in <paramref name="workspace"/>.</summary>
    public static IEnumerable<string> Abandoned(string workspace) =>
        System.IO.Directory.Exists(workspace)
            ? System.IO.Directory.GetDirectories(workspace, ".kiln-run-*-trees").Where(d => !IsAlive(Path.GetFileName(d)))
            : [];

    /// <summary>Mounts a tmpfs of at most <paramref name="size"/> on the store, before anything is stored in it.</summary>
    public async Task MountInMemoryAsync(ICommandRunner runner, ByteSize size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        System.IO.Directory.CreateDirectory(Directory);
        await runner.RunCheckedAsync(MountCommand(Directory, size), cancellationToken);
    }

    /// <remarks>
    /// <c>noatime</c>: a build that checks a stored tree lists it directly, which would move its directories' access
    /// times (relatime, and the stored times are days old) under the roots of the other builds layered on it, and so
    /// into their images. Reads through an overlay never move them (it opens the lower files with O_NOATIME).
    /// </remarks>
    public static CommandLine MountCommand(string directory, ByteSize size) =>
        TmpfsMount.Command("kiln-run-trees", directory, "0700", size, noAtime: true);

    /// <summary>Removes this run's store and those of runs whose process is gone.</summary>
    public async Task RemoveAsync(ICommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        await RemoveAbandonedAsync(runner, Path.GetDirectoryName(Directory)!);
        await RemoveOneAsync(runner, Directory);
    }

    /// <summary>Removes the stores of runs whose process is gone, in <paramref name="workspace"/>.</summary>
    public static async Task RemoveAbandonedAsync(ICommandRunner runner, string workspace)
    {
        ArgumentNullException.ThrowIfNull(runner);
        foreach (var directory in Abandoned(workspace).ToList())
        {
            await RemoveOneAsync(runner, directory);
        }
    }

    // Never deleting through a mount: what is mounted at or below the store goes first (its tmpfs included).
    private static async Task RemoveOneAsync(ICommandRunner runner, string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return;
        }

        await Mounts.UnmountAllBelowAsync(runner, directory, CancellationToken.None);
        await runner.RunCheckedAsync(TreeStore.Remove(directory), CancellationToken.None);
    }

    private static bool IsAlive(string name)
    {
        var pid = name[".kiln-run-".Length..^"-trees".Length];
        return LiveProcess.IsAlive(pid);
    }
}
