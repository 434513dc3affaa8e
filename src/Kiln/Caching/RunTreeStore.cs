using System.Globalization;
using Kiln.Host;
using Kiln.Manifests;

namespace Kiln.Caching;

/// <summary>
/// The store of trees of one run of several manifests, for builds that do not use the cache: builds with one
/// bootstrap still share it. It lives in the workspace (<c>.kiln-run-PID-trees</c>) and is removed when the
/// run ends; one left by a run whose process is gone is removed by the next run.
/// </summary>
public sealed class RunTreeStore
{
    private RunTreeStore(string directory) => Directory = directory;

    public string Directory { get; }

    public TreeCacheSettings Settings => new(Directory, new Disks.ByteSize(long.MaxValue));

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

    public async Task RemoveAsync(ICommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        foreach (var directory in Abandoned(Path.GetDirectoryName(Directory)!).Append(Directory).Where(System.IO.Directory.Exists))
        {
            await runner.RunCheckedAsync(TreeStore.Remove(directory), CancellationToken.None);
        }
    }

    private static bool IsAlive(string name)
    {
        var pid = name[".kiln-run-".Length..^"-trees".Length];
        return LiveProcess.IsAlive(pid);
    }
}
