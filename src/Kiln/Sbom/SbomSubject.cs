using Kiln.Packages;

namespace Kiln.Sbom;

/// <summary>What an SBOM describes: the image file, the files beside it, the packages installed in it, and who made it when.</summary>
public sealed record SbomSubject
{
    /// <summary>The manifest's name of the image (the file names' stem).</summary>
    public required string ImageName { get; init; }

    /// <summary>The Debian release's codename (purls name it as <c>distro=debian-CODENAME</c>).</summary>
    public required string Codename { get; init; }

    /// <summary>Debian's name of the image's architecture.</summary>
    public required string Architecture { get; init; }

    public required ProducedFile Image { get; init; }

    /// <summary>The other files written beside the image (boot record, package list), never the SBOM itself.</summary>
    public required IReadOnlyList<ProducedFile> Companions { get; init; }

    public required IReadOnlyList<InstalledPackage> Packages { get; init; }

    /// <summary>Kiln's version, as the creator <c>Tool: kiln-VERSION</c>.</summary>
    public required string ToolVersion { get; init; }

    public required DateTimeOffset Created { get; init; }
}
