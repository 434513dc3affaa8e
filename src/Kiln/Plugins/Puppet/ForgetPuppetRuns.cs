using Kiln.Tasks;

namespace Kiln.Plugins.Puppet;

/// <summary>
/// Removes what the build's Puppet runs left behind: the run's report and state (they describe the build host,
/// not the machine), the module tool's cache, and anything under /var/lib/puppet/ssl: certificates or keys made
/// during the build would be shared by every machine started from the image. The agent makes its own at first run.
/// </summary>
public sealed class ForgetPuppetRuns : BuildTask
{
    /// <summary>Directories emptied (they belong to the package and stay).</summary>
    public static readonly IReadOnlyList<string> EmptiedDirectories = ["/var/cache/puppet/state", "/var/lib/puppet/ssl"];

    /// <summary>Directories removed (Puppet made them during the build).</summary>
    public static readonly IReadOnlyList<string> RemovedDirectories = ["/var/cache/puppet/puppet-module"];

    public override Phase Phase => Phase.SystemCleaning;

    public override string Description => "Removing the state of the build's Puppet runs";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var directory in EmptiedDirectories.Select(context.Paths.InRoot).Where(Directory.Exists))
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo child && child.LinkTarget is null)
                {
                    child.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }

        foreach (var directory in RemovedDirectories.Select(context.Paths.InRoot).Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
