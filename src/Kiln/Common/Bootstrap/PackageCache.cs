using Kiln.Tasks;

namespace Kiln.Common.Bootstrap;

/// <summary>
/// <c>bootstrapper.tarball</c>: bootstrap-vz kept the downloaded packages for the next build. Kiln keeps
/// them in the workspace, one directory per release and architecture; apt only uses a cached file whose
/// checksum matches the mirror's index, so a stale cache cannot change what is installed.
/// </summary>
public static class PackageCache
{
    public static string? DirectoryFor(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Manifest.Bootstrapper.Tarball)
        {
            return null;
        }

        var directory = Path.Combine(context.Paths.Workspace, "cache", $"{context.Release.Codename}-{context.Manifest.System.Architecture}");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
