using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>Writes extlinux.conf naming /boot/vmlinuz and /boot/initrd.img (links to the newest kernel), with the root named by UUID.</summary>
public sealed class ConfigureExtlinux : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring extlinux";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        var kernel = KernelFiles.Find(context);
        EnsureLink(context, KernelLinks.Kernel, $"vmlinuz-{kernel.Version}");
        EnsureLink(context, KernelLinks.InitRd, $"initrd.img-{kernel.Version}");
        context.WriteFile("/boot/extlinux/extlinux.conf", ExtlinuxConfiguration.Render(layout, kernel, context.KernelParameters));
        return Task.CompletedTask;
    }

    /// <summary>The kernel packages make the links when /etc/kernel-img.conf was there first; make them if not.</summary>
    private static void EnsureLink(BuildContext context, string name, string target)
    {
        var link = context.Paths.InRoot($"/boot/{name}");
        if (!File.Exists(link))
        {
            File.Delete(link);
            File.CreateSymbolicLink(link, target);
        }
    }
}
