using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Kiln.Host;

/// <summary>
/// Keeps every process Kiln starts from outliving it, even when Kiln is killed outright (SIGKILL, the OOM
/// killer): Kiln moves itself into a cgroup of its own (its children, and theirs, are born there), and a
/// small guard process outside it waits on a pipe only Kiln holds. When the pipe closes, whatever is still
/// in the cgroup is killed and the cgroup removed. Without a writable cgroup v2 hierarchy the guard kills
/// the processes it saw below Kiln instead.
/// </summary>
public sealed partial class ChildGuard : IDisposable
{
    private readonly RunningProcess _guard;

    private ChildGuard(RunningProcess guard, string? cgroup)
    {
        _guard = guard;
        Cgroup = cgroup;
    }

    /// <summary>The cgroup Kiln runs in, or null when the guard watches the process tree instead.</summary>
    public string? Cgroup { get; }

    public static ChildGuard Start(IProcessLauncher launcher, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(logger);
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var script = WriteScript();
        if (CgroupFor(Environment.ProcessId) is { } cgroup)
        {
            var guard = launcher.Start(new CommandLine("/bin/bash", script, pid, cgroup));
            try
            {
                File.WriteAllText(Path.Combine(cgroup, "cgroup.procs"), pid);
                LogGuarded(logger, cgroup);
                return new ChildGuard(guard, cgroup);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogNoCgroup(logger, exception.Message);
                guard.CloseInput();
            }
        }

        LogWatchingTree(logger);
        return new ChildGuard(launcher.Start(new CommandLine("/bin/bash", script, pid, "-")), null);
    }

    /// <summary>Kiln is done: the guard removes what is left once Kiln's process is gone.</summary>
    public void Dispose() => _guard.CloseInput();

    /// <summary>A new cgroup below this process's own one in the cgroup v2 hierarchy, or null when there is none Kiln may write.</summary>
    private static string? CgroupFor(int processId)
    {
        try
        {
            var mount = File.ReadLines("/proc/self/mountinfo").Select(l => l.Split(' ')).FirstOrDefault(f => f.Length > 8 && f[^3] == "cgroup2")?[4];
            var own = File.ReadLines("/proc/self/cgroup").FirstOrDefault(l => l.StartsWith("0::", StringComparison.Ordinal))?[3..];
            if (mount is null || own is null)
            {
                return null;
            }

            var directory = Path.Combine(mount + own.TrimEnd('/'), $"kiln-{processId.ToString(CultureInfo.InvariantCulture)}");
            Directory.CreateDirectory(directory);
            return directory;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string WriteScript()
    {
        var directory = Path.Combine(Path.GetTempPath(), "kiln");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"kiln-guard-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        File.WriteAllText(path, EmbeddedResources.ReadText(typeof(ChildGuard).Assembly, "Host/assets/kiln-guard"));
        return path;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "kiln runs in the cgroup {Cgroup}; a guard kills what is left in it when kiln is gone")]
    private static partial void LogGuarded(ILogger logger, string cgroup);

    [LoggerMessage(Level = LogLevel.Debug, Message = "no cgroup for kiln ({Reason})")]
    private static partial void LogNoCgroup(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "a guard watches kiln's process tree and kills what is left when kiln is gone")]
    private static partial void LogWatchingTree(ILogger logger);
}
