using System.Globalization;

namespace Kiln.Host;

/// <summary>
/// Processes as /proc shows them: the descendants of a process (collected before it dies, since orphans
/// move to init), and the processes whose root directory lies inside a directory (a chroot being removed).
/// </summary>
public static class ProcessTree
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static IReadOnlyList<int> Descendants(int processId)
    {
        var children = ParentLinks().ToLookup(link => link.Parent, link => link.Child);
        var result = new List<int>();
        var pending = new Stack<int>([processId]);
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Pop()])
            {
                result.Add(child);
                pending.Push(child);
            }
        }

        return result;
    }

    /// <summary>Processes whose root (chroot) is <paramref name="directory"/> or below it.</summary>
    public static IReadOnlyList<int> RootedIn(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var prefix = directory.TrimEnd('/') + "/";
        var result = new List<int>();
        foreach (var pid in ProcessIds())
        {
            string? root;
            try
            {
                root = new FileInfo($"/proc/{pid}/root").LinkTarget;
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (root is not null && (root + "/").StartsWith(prefix, StringComparison.Ordinal))
            {
                result.Add(pid);
            }
        }

        return result;
    }

    /// <summary>SIGTERM to every process, then SIGKILL to those still there after <paramref name="grace"/>.</summary>
    public static async Task TerminateAsync(IReadOnlyCollection<int> processIds, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(processIds);
        foreach (var pid in processIds)
        {
            ProcessSignals.Send(pid, ProcessSignals.SigTerm);
        }

        var deadline = DateTime.UtcNow + grace;
        while (processIds.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(Poll);
        }

        foreach (var pid in processIds.Where(IsAlive))
        {
            ProcessSignals.Send(pid, ProcessSignals.SigKill);
        }

        while (processIds.Any(IsAlive) && DateTime.UtcNow < deadline + grace)
        {
            await Task.Delay(Poll);
        }
    }

    /// <summary>Parses a /proc/PID/stat line into the process's parent id (the command name may hold spaces and parentheses).</summary>
    public static int? ParentOf(string statLine)
    {
        ArgumentNullException.ThrowIfNull(statLine);
        var close = statLine.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = statLine[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;
    }

    private static bool IsAlive(int pid)
    {
        // A zombie has exited; only its parent's wait is missing.
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close >= 0 && close + 2 < stat.Length && stat[close + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static IEnumerable<(int Parent, int Child)> ParentLinks()
    {
        foreach (var pid in ProcessIds())
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                continue;
            }

            if (ParentOf(stat) is { } parent)
            {
                yield return (parent, pid);
            }
        }
    }

    private static IEnumerable<int> ProcessIds() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : -1)
            .Where(pid => pid > 0);
}
