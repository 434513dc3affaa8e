using Kiln.Packages;

namespace Kiln.Common.Sbom;

/// <summary>The packages installed in the image, read from dpkg's database once the tree is final (the build's state for the package list and the SBOM).</summary>
public sealed class InstalledPackageList
{
    public IReadOnlyList<InstalledPackage>? Packages { get; set; }

    public IReadOnlyList<InstalledPackage> Require() =>
        Packages ?? throw new InvalidOperationException($"the image's packages were not read: {nameof(ReadInstalledPackages)} did not run");
}
