using Kiln.Host;
using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Common.Bootstrap;

/// <summary>
/// Creates the base system in the root directory, from the cache when it holds exactly this tree (see
/// <see cref="Caching.TreeReuse"/>). mmdebstrap installs every requested package in the same
/// apt run, with the apt configuration and debconf answers in place first; debootstrap creates the base
/// with the manifest's include_packages, and the rest follows with apt.
/// </summary>
public sealed class BootstrapSystem : BuildTask
{
    public override Phase Phase => Phase.OsInstallation;

    public override string Description => "Bootstrapping the base system";

    public override IEnumerable<HostTool> Tools => [new HostTool("debootstrap", "debootstrap"), new HostTool("mmdebstrap", "mmdebstrap"), new HostTool("chroot", "coreutils")];

    public override IEnumerable<HostTool> RequiredTools(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Manifest.Bootstrapper.Tool == BootstrapTool.Debootstrap
            ? [new HostTool("debootstrap", "debootstrap"), new HostTool("chroot", "coreutils")]
            : [new HostTool("mmdebstrap", "mmdebstrap"), new HostTool("chroot", "coreutils")];
    }

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Spec.TreeCache is { } cache
            ? Caching.TreeReuse.RunAsync(context, new Caching.TreeStore(cache.Directory), "cache", cache.SizeLimit.Bytes, cancellationToken)
            : BootstrapAsync(context, cancellationToken);
    }

    /// <summary>The bootstrap itself, without the cache.</summary>
    public static async Task BootstrapAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manifest = context.Manifest;
        var request = CreateRequest(context);
        EarlyFileWriter.WriteTo(context, request.EarlyFilesDirectory!);
        await File.WriteAllTextAsync(DebconfFile(context), EarlyFileWriter.DebconfText(context), cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(context.Paths.Root)!);
        if (manifest.Bootstrapper.Tool == BootstrapTool.Debootstrap)
        {
            // debootstrap configures its --include packages in a bare chroot, where the postinst scripts of
            // packages like systemd-resolved fail; only the manifest's own include_packages go there.
            var wanted = manifest.Bootstrapper.IncludePackages.ToHashSet(StringComparer.Ordinal);
            var includable = context.Packages.Requests.Where(p => DebootstrapCommand.CanInclude(p) && wanted.Contains(p.Name)).ToList();
            await context.Runner.RunCheckedAsync(DebootstrapCommand.Build(request, [.. includable.Select(p => p.Name)]) with { Environment = context.BootstrapEnvironment }, cancellationToken);
            context.Packages.MarkInstalled(includable);
            EarlyFileWriter.WriteTo(context, context.Paths.Root);
        }
        else
        {
            await context.Runner.RunCheckedAsync(MmdebstrapCommand.Build(request) with { Environment = context.BootstrapEnvironment }, cancellationToken);
            context.Packages.MarkInstalled(context.Packages.Requests);
            if (request is { PackageCache: { } cache, DownloadedPackages: { } downloaded })
            {
                var local = request.Include.Where(p => p.IsLocal).Select(p => Path.GetFileName(p.LocalPath!)).ToHashSet(StringComparer.Ordinal);
                context.Announce($"{PackageCacheStore.Publish(downloaded, cache, local)} ({cache})");
            }
        }
    }

    /// <summary>What this build bootstraps (the prebootstrapped plugin fingerprints it to know when a saved tree fits).</summary>
    public static BootstrapRequest CreateRequest(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manifest = context.Manifest;
        var cache = PackageCache.DirectoryFor(context);
        return new BootstrapRequest
        {
            Suite = context.Release.Codename,
            Target = context.Paths.Root,
            // bootstrap-vz's userspace_architecture: a 32-bit system under the 64-bit kernel the provider picks.
            Architecture = manifest.System.UserspaceArchitecture ?? manifest.System.Architecture,
            Sources = context.Sources.Main,
            Components = manifest.Packages.Components,
            Variant = manifest.Bootstrapper.Variant,
            Include = context.Packages.Requests,
            Exclude = manifest.Bootstrapper.ExcludePackages,
            Keyring = manifest.Bootstrapper.Keyring,
            NoCheckGpg = manifest.Bootstrapper.NoCheckGpg,
            ForceCheckGpg = manifest.Bootstrapper.ForceCheckGpg,
            EarlyFilesDirectory = Path.Combine(context.Paths.Scratch, "early"),
            DebconfSelectionsFile = context.DebconfSelections.Count > 0 ? DebconfFile(context) : null,
            PackageCache = cache,
            DownloadedPackages = cache is not null && manifest.Bootstrapper.Tool == BootstrapTool.Mmdebstrap ? PackageCache.StagingFor(context) : null,
        };
    }

    private static string DebconfFile(BuildContext context) => Path.Combine(context.Paths.Scratch, "debconf-selections");
}
