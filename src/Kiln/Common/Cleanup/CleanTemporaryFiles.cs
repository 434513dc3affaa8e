using Kiln.Tasks;

namespace Kiln.Common.Cleanup;

/// <summary>Empties /tmp and /var/tmp of what the build left there.</summary>
public sealed class CleanTemporaryFiles : BuildTask
{
    private static readonly string[] TemporaryDirectories = ["/tmp", "/var/tmp"];

    public override Phase Phase => Phase.SystemCleaning;

    public override string Description => "Cleaning temporary directories";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var directory in TemporaryDirectories.Select(context.Paths.InRoot).Where(Directory.Exists))
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

        return Task.CompletedTask;
    }
}
