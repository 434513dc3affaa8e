using Kiln.Tasks;

namespace Kiln.Host;

/// <summary>
/// Installs missing host tools with apt when Kiln runs as root on Debian; anywhere else it names the
/// packages in an error (exit code 2). Two kiln processes never run apt at once (a lock of Kiln's own: apt's
/// lists lock is not waited for), and apt waits for a dpkg that another program holds.
/// </summary>
public sealed class HostToolInstaller(ICommandRunner runner, Action<string> tell, string? lockPath = null)
{
    /// <summary>How long apt waits for another program's dpkg lock (unattended-upgrades, an admin's apt) before it gives up.</summary>
    public const int DpkgLockSeconds = 600;

    public static bool CanInstall => Environment.UserName == "root" && File.Exists("/etc/debian_version") && HostToolCheck.Locate("apt-get") is not null;

    private string LockPath => lockPath ?? Path.Combine(Directory.Exists("/run/lock") ? "/run/lock" : Path.GetTempPath(), "kiln-host-tools.lock");

    public async Task EnsureAsync(IEnumerable<HostTool> tools, CancellationToken cancellationToken)
    {
        var wanted = tools.ToList();
        if (HostToolCheck.Missing(wanted).Count == 0)
        {
            return;
        }

        if (!CanInstall)
        {
            var absent = HostToolCheck.Missing(wanted);
            throw new UserInputException($"missing host tools: {HostToolCheck.Describe(absent)}; install them with: apt-get install {string.Join(' ', PackagesOf(absent))}");
        }

        ArgumentNullException.ThrowIfNull(tell);
        using var held = await AcquireAsync(cancellationToken);
        var missing = HostToolCheck.Missing(wanted);
        if (missing.Count == 0)
        {
            return;
        }

        var packages = PackagesOf(missing);
        tell($"installing missing host tools with apt: {string.Join(' ', packages)}");
        await RunAptAsync(packages, cancellationToken);
        var still = HostToolCheck.Missing(missing);
        if (still.Count > 0)
        {
            throw new UserInputException($"host tools still missing after installing {string.Join(' ', packages)}: {HostToolCheck.Describe(still)}");
        }
    }

    /// <summary>Installs Debian packages with apt (updating the lists once if the first try fails).</summary>
    public async Task InstallPackagesAsync(IReadOnlyList<string> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        using var held = await AcquireAsync(cancellationToken);
        await RunAptAsync(packages, cancellationToken);
    }

    /// <summary>The apt commands, in order: the install, and when it fails, the lists' update and the install again.</summary>
    public static (CommandLine Install, CommandLine Update) AptCommands(IReadOnlyList<string> packages)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DEBIAN_FRONTEND"] = "noninteractive" };
        string[] wait = ["-o", $"DPkg::Lock::Timeout={DpkgLockSeconds}"];
        return (
            new CommandLine("apt-get", ["install", "-y", "-q", "--no-install-recommends", .. wait, .. packages]) { Environment = environment },
            new CommandLine("apt-get", ["update", "-q", .. wait]) { Environment = environment });
    }

    private static List<string> PackagesOf(IEnumerable<HostTool> tools) =>
        [.. tools.Select(t => t.Package).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private Task<FileLock> AcquireAsync(CancellationToken cancellationToken) =>
        FileLock.AcquireAsync(LockPath, $"waiting for another kiln that installs host tools ({LockPath})", tell, cancellationToken);

    private async Task RunAptAsync(IReadOnlyList<string> packages, CancellationToken cancellationToken)
    {
        var (install, update) = AptCommands(packages);
        var result = await runner.RunAsync(install, cancellationToken);
        if (!result.Succeeded)
        {
            await runner.RunCheckedAsync(update, cancellationToken);
            await runner.RunCheckedAsync(install, cancellationToken);
        }
    }
}
