using Kiln.Tasks;

namespace Kiln.Providers.VirtualBox;

/// <summary>Adds the kernel with VirtualBox's drivers, init, udev and the initramfs tools.</summary>
public sealed class AddVirtualBoxPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the kernel and boot packages for VirtualBox";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add(context.Spec.SettingsOf<VirtualBoxSettings>().KernelPackage(context.Spec.Architecture));
        foreach (var package in new[] { "systemd-sysv", "udev", "initramfs-tools" })
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }
}
