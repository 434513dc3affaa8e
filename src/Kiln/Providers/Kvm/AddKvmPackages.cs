using Kiln.Tasks;

namespace Kiln.Providers.Kvm;

/// <summary>Adds what a bootable VM needs beyond the base system: kernel, init, udev and the initramfs tools.</summary>
public sealed class AddKvmPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the kernel and boot packages";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<KvmSettings>();
        context.Packages.Add(settings.KernelPackage(context.Spec.Architecture, context.Manifest.System.UserspaceArchitecture));
        foreach (var package in new[] { "systemd-sysv", "udev", "initramfs-tools" })
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }
}
