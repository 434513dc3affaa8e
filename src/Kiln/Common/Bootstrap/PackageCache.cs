using System.Security.Cryptography;
using System.Text;
using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Common.Bootstrap;

/// <summary>
/// Where the .deb files a bootstrap downloaded are kept for the next one. With the automatic cache on (the default),
/// mmdebstrap builds share CACHE/packages/RELEASE-ARCH-SOURCES, one directory per release, architecture and set of
/// apt sources (a package's name and version name one file only within one archive), so a build whose tree is not
/// cached still downloads only what no earlier build did. Without the cache, <c>bootstrapper.tarball</c> keeps them
/// in the workspace as bootstrap-vz did (debootstrap's own <c>--cache-dir</c> checks every file it reuses).
/// <c>--no-cache</c> and <c>bootstrapper.cache: false</c> download everything.
/// </summary>
public static class PackageCache
{
    public static string? DirectoryFor(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manifest = context.Manifest;
        var architecture = manifest.System.UserspaceArchitecture ?? manifest.System.Architecture;
        string directory;
        if (manifest.Bootstrapper.Tool == BootstrapTool.Mmdebstrap && context.Spec.TreeCache?.PackagesDirectory is { } shared)
        {
            directory = Path.Combine(shared, $"{context.Release.Codename}-{architecture}-{SourcesKey(context.Sources.Main)}");
        }
        else if (manifest.Bootstrapper.Tarball)
        {
            directory = Path.Combine(context.Paths.Workspace, "cache", $"{context.Release.Codename}-{manifest.System.Architecture}");
        }
        else
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Where a bootstrap with a package cache leaves the .deb files it used, for <see cref="PackageCacheStore.Publish"/>.</summary>
    public static string StagingFor(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Path.Combine(context.Paths.Scratch, "downloaded-packages");
    }

    /// <summary>The first 12 hex digits of the SHA-256 of the sources.list text.</summary>
    public static string SourcesKey(IReadOnlyList<AptSourceLine> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(AptSources.Render(sources)));
        return Convert.ToHexStringLower(hash)[..12];
    }
}
