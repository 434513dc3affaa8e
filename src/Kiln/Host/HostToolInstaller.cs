using Kiln.Tasks;

namespace Kiln.Host;

/// <summary>
/// Installs missing host tools with apt when Kiln runs as root on Debian; anywhere else it names the
/// packages in an error (exit code 2).
/// </summary>
public sealed class HostToolInstaller(ICommandRunner runner, Action<string> tell)
{
    public static bool CanInstall => Environment.UserName == "root" && File.Exists("/etc/debian_version") && HostToolCheck.Locate("apt-get") is not null;

    public async Task EnsureAsync(IEnumerable<HostTool> tools, CancellationToken cancellationToken)
    {
        var missing = HostToolCheck.Missing(tools);
        if (missing.Count == 0)
        {
            return;
        }

        var packages = missing.Select(t => t.Package).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!CanInstall)
        {
            throw new UserInputException($"missing host tools: {HostToolCheck.Describe(missing)}; install them with: apt-get install {string.Join(' ', packages)}");
        }

        ArgumentNullException.ThrowIfNull(tell);
        tell($"installing missing host tools with apt: {string.Join(' ', packages)}");
        await InstallPackagesAsync(packages, cancellationToken);
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
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var install = new CommandLine("apt-get", ["install", "-y", "-q", "--no-install-recommends", .. packages]) { Environment = environment };
        var result = await runner.RunAsync(install, cancellationToken);
        if (!result.Succeeded)
        {
            var update = new CommandLine("apt-get", "update", "-q") { Environment = environment };
            await runner.RunCheckedAsync(update, cancellationToken);
            await runner.RunCheckedAsync(install, cancellationToken);
        }
    }
}
