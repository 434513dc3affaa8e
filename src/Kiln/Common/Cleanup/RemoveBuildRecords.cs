using Kiln.Tasks;

namespace Kiln.Common.Cleanup;

/// <summary>
/// Removes the files that record the build itself rather than the system: the logs of dpkg, apt and
/// update-alternatives (their lines carry the time of the build) and ldconfig's auxiliary cache (it holds the
/// build host's device and inode numbers and change times). They are the files mmdebstrap removes for a
/// reproducible tree; Kiln removes them again after its own package runs and for debootstrap. The running
/// system writes new ones; ldconfig rebuilds its cache.
/// </summary>
public sealed class RemoveBuildRecords : BuildTask
{
    /// <summary>The files removed, as paths in the image.</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "/var/log/dpkg.log",
        "/var/log/alternatives.log",
        "/var/log/apt/history.log",
        "/var/log/apt/term.log",
        "/var/log/apt/eipp.log.xz",
        "/var/cache/ldconfig/aux-cache",
    ];

    public override Phase Phase => Phase.SystemCleaning;

    public override string Description => "Removing the build's logs and ldconfig's auxiliary cache";

    // Package runs of other cleaning tasks (apt-get clean) come first, so that their records go too.
    public override IReadOnlyList<Type> Predecessors => [typeof(CleanAptFiles)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var file in Files.Select(context.Paths.InRoot))
        {
            // A link here is not the build's record (and must not be followed out of the tree): only plain files go.
            if (File.Exists(file) && new FileInfo(file).LinkTarget is null)
            {
                File.Delete(file);
            }
        }

        return Task.CompletedTask;
    }
}
