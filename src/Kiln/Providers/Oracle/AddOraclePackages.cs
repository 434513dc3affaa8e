using Kiln.Common.Apt;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Providers.Oracle;

/// <summary>
/// What an OCI image installs: the cloud kernel (virtio-scsi, virtio-blk and virtio-net for the PARAVIRTUALIZED
/// launch mode, which the initramfs carries), cloud-init with the Oracle data source and growpart, the initramfs
/// growroot, sudo for the opc user, and systemd-timesyncd for OCI's time service.
/// </summary>
public sealed class AddOraclePackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the kernel, cloud-init and OCI's packages";

    public override IReadOnlyList<Type> Predecessors => [typeof(ResolveRelease)];

    public static IReadOnlyList<string> For(OracleSettings settings, Platforms.ArchitectureProfile architecture, DebianRelease release, bool timesyncd)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(architecture);
        var packages = new List<string>
        {
            settings.Kernel ?? architecture.DefaultKernelPackage,
            "systemd-sysv", "udev", "initramfs-tools",
            "cloud-init", "cloud-guest-utils", "cloud-initramfs-growroot", "sudo",
        };
        if (timesyncd && release >= ReleaseCatalog.Bullseye)
        {
            packages.Add("systemd-timesyncd");
        }

        return packages;
    }

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<OracleSettings>();
        foreach (var package in For(settings, context.Spec.Architecture, context.Release, !context.Spec.HasPlugin("ntp")))
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }
}
