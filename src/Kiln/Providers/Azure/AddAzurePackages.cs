using Kiln.Common.Apt;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Tasks;

namespace Kiln.Providers.Azure;

/// <summary>
/// What Debian's Azure images install: the cloud kernel (Hyper-V's storage, network and clock drivers), cloud-init
/// with cloud-guest-utils and the initramfs growroot, the Azure agent (waagent), the Hyper-V daemons (KVP, VSS,
/// file copy), chrony for the Hyper-V clock; from trixie on azure-vm-utils (NVMe and SCSI disk links).
/// </summary>
public sealed class AddAzurePackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the kernel, cloud-init, waagent and the Hyper-V daemons";

    public override IReadOnlyList<Type> Predecessors => [typeof(ResolveRelease)];

    public static IReadOnlyList<string> For(AzureSettings settings, ArchitectureProfile architecture, DebianRelease release, bool chrony)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(architecture);
        var packages = new List<string>
        {
            settings.Kernel ?? architecture.DefaultKernelPackage,
            "systemd-sysv", "udev", "initramfs-tools",
            "cloud-init", "cloud-guest-utils", "cloud-initramfs-growroot", "sudo",
            "waagent", "hyperv-daemons",
        };
        if (release >= ReleaseCatalog.Trixie)
        {
            packages.AddRange(["azure-vm-utils", "python3-passlib"]);
        }

        if (chrony)
        {
            packages.Add("chrony");
        }

        return packages;
    }

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<AzureSettings>();
        foreach (var package in For(settings, context.Spec.Architecture, context.Release, !context.Spec.HasPlugin("ntp")))
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }
}
