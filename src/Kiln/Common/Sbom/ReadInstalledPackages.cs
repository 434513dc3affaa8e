using Kiln.Common.Chroot;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Common.Sbom;

/// <summary>
/// Reads what is installed from dpkg's database inside the root (dpkg-query in the chroot), after the system is cleaned
/// and before the filesystems are written: the list then is what the image holds.
/// </summary>
public sealed class ReadInstalledPackages : BuildTask
{
    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Reading the installed packages from dpkg's database";

    public override IReadOnlyList<Type> Successors => [typeof(UnmountSpecialFilesystems)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outputs = context.Spec.Outputs;
        if (outputs.PackageList is null && outputs.Sbom is null)
        {
            return;
        }

        var query = await context.Chroot.RunAsync(DpkgQuery.Command, cancellationToken);
        context.StateOf<InstalledPackageList>().Packages = DpkgQuery.Parse(query.StandardOutput);
    }
}
