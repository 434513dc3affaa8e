using Kiln.Common.Apt;
using Kiln.Tasks;

namespace Kiln.Providers.Gce;

/// <summary>
/// What Debian's GCE images install: the cloud kernel, Google's guest agent and OS Login as Debian packages them
/// (google-guest-agent, google-compute-engine-oslogin, both in bookworm and trixie), the initramfs growroot, sudo
/// for the users the agent makes, and systemd-timesyncd for the metadata server's time. No cloud-init: the guest
/// agent makes the users and installs the keys from the metadata.
/// </summary>
public sealed class AddGcePackages : BuildTask
{
    public static readonly IReadOnlyList<string> GuestEnvironment = ["google-guest-agent", "google-compute-engine-oslogin"];

    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the kernel and Google's guest environment";

    public override IReadOnlyList<Type> Predecessors => [typeof(ResolveRelease)];

    public static IReadOnlyList<string> For(GceSettings settings, Platforms.ArchitectureProfile architecture, bool timesyncd)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(architecture);
        var packages = new List<string>
        {
            settings.Kernel ?? architecture.DefaultKernelPackage,
            "systemd-sysv", "udev", "initramfs-tools", "cloud-initramfs-growroot", "sudo",
        };
        packages.AddRange(GuestEnvironment);
        if (timesyncd)
        {
            packages.Add("systemd-timesyncd");
        }

        return packages;
    }

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var package in For(context.Spec.SettingsOf<GceSettings>(), context.Spec.Architecture, !context.Spec.HasPlugin("ntp")))
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }
}
