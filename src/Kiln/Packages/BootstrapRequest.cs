using Kiln.Manifests;

namespace Kiln.Packages;

/// <summary>Everything a bootstrapper needs to create the base system in a directory.</summary>
public sealed record BootstrapRequest
{
    public required string Suite { get; init; }

    public required string Target { get; init; }

    public required string Architecture { get; init; }

    /// <summary>The sources.list lines of the image; the first is the release's main archive.</summary>
    public required IReadOnlyList<AptSourceLine> Sources { get; init; }

    public IReadOnlyList<string> Components { get; init; } = ["main"];

    public string? Variant { get; init; }

    public IReadOnlyList<PackageRequest> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public string? Keyring { get; init; }

    public bool NoCheckGpg { get; init; }

    /// <summary>Refuse to bootstrap without a verified Release file (debootstrap's --force-check-gpg; mmdebstrap always checks).</summary>
    public bool ForceCheckGpg { get; init; }

    /// <summary>A directory whose content is copied into the root before any package is installed.</summary>
    public string? EarlyFilesDirectory { get; init; }

    /// <summary>A file of debconf selections applied before packages are configured.</summary>
    public string? DebconfSelectionsFile { get; init; }

    /// <summary>A directory of .deb files kept between builds (the automatic cache's packages, or <c>bootstrapper.tarball</c>).</summary>
    public string? PackageCache { get; init; }

    /// <summary>
    /// With a <see cref="PackageCache"/>, where mmdebstrap leaves (hard-linked where it can) every .deb the bootstrap
    /// used, for Kiln to put into the cache once the bootstrap succeeded.
    /// </summary>
    public string? DownloadedPackages { get; init; }
}
