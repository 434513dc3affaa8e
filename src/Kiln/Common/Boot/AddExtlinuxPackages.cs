using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>
/// Adds extlinux and its boot sector code to the image, and has the kernel packages keep the links
/// /boot/vmlinuz and /boot/initrd.img pointing at the newest kernel: extlinux.conf names the links, so
/// a kernel upgrade in the running system boots without anyone rewriting it.
/// </summary>
public sealed class AddExtlinuxPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding extlinux";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("extlinux");
        context.Packages.Add("syslinux-common");
        context.EarlyFiles[KernelLinks.ConfigurationFile] = EarlyFile.Text(KernelLinks.Configuration);
        return Task.CompletedTask;
    }
}
