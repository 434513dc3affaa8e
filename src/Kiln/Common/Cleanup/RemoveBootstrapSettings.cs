using Kiln.Tasks;

namespace Kiln.Common.Cleanup;

/// <summary>
/// Removes the settings the bootstrapper left for its own run (mmdebstrap's dpkg force-unsafe-io and apt
/// options): they speed up the build, but the running system must fsync and check signatures as usual.
/// </summary>
public sealed class RemoveBootstrapSettings : BuildTask
{
    private static readonly string[] Files = ["/etc/dpkg/dpkg.cfg.d/99mmdebstrap", "/etc/apt/apt.conf.d/99mmdebstrap"];

    public override Phase Phase => Phase.SystemCleaning;

    public override string Description => "Removing the bootstrapper's build-time settings";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var file in Files)
        {
            File.Delete(context.Paths.InRoot(file));
        }

        return Task.CompletedTask;
    }
}
