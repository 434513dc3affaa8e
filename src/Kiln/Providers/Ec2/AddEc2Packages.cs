using Kiln.Common.Apt;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Providers.Ec2;

/// <summary>
/// What Debian's EC2 images install: the cloud kernel, cloud-init with growpart, the initramfs growroot,
/// amazon-ec2-utils (NVMe device links, from bookworm on) and systemd-timesyncd for EC2's time service.
/// </summary>
public sealed class AddEc2Packages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the kernel, cloud-init and EC2's packages";

    public override IReadOnlyList<Type> Predecessors => [typeof(ResolveRelease)];

    public static IReadOnlyList<string> For(Ec2Settings settings, Platforms.ArchitectureProfile architecture, DebianRelease release, bool timesyncd)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(architecture);
        var packages = new List<string>
        {
            settings.Kernel ?? architecture.DefaultKernelPackage,
            "systemd-sysv", "udev", "initramfs-tools",
            "cloud-init", "cloud-guest-utils", "cloud-initramfs-growroot", "sudo",
        };
        if (release >= ReleaseCatalog.Bookworm)
        {
            packages.Add("amazon-ec2-utils");
        }

        if (timesyncd && release >= ReleaseCatalog.Bullseye)
        {
            packages.Add("systemd-timesyncd");
        }

        return packages;
    }

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<Ec2Settings>();
        foreach (var package in For(settings, context.Spec.Architecture, context.Release, !context.Spec.HasPlugin("ntp")))
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }
}
