using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>
/// Does in the root tree what grub-install and update-grub would do with a disk: copies each platform's modules
/// to /boot/grub and writes grub.cfg naming the root by UUID. With Debian's grub-cloud-amd64 (hybrid images)
/// it then turns on that package's hook, so upgrades in the running system reinstall both boot paths.
/// </summary>
public sealed class ConfigureGrub : BuildTask
{
    /// <summary>grub-cloud-amd64 runs grub-install on upgrades only when this file exists; at build time it must not.</summary>
    public const string CloudHookSwitch = "/etc/grub.d/enable_cloud";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring GRUB";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        var platform = context.Spec.Platform;
        var serialPort = platform.Architecture.HasBios;
        var kernel = KernelFiles.Find(context);
        context.WriteFile("/etc/default/grub.d/kiln.cfg", GrubConfiguration.Defaults(context.KernelParameters, serialPort));
        if (platform.BootsBios)
        {
            CopyModules(context, platform.Architecture.GrubBiosPlatform!);
        }

        if (platform.BootsUefi)
        {
            CopyModules(context, platform.Architecture.GrubEfiPlatform);
        }

        context.WriteFile("/boot/grub/grub.cfg", GrubConfiguration.Menu(layout, kernel, context.KernelParameters, serialPort));
        if (GrubPackages.For(platform).Contains(GrubPackages.CloudPackage))
        {
            context.WriteFile(CloudHookSwitch, string.Empty);
        }

        return Task.CompletedTask;
    }

    private static void CopyModules(BuildContext context, string grubPlatform)
    {
        var source = context.Paths.InRoot($"/usr/lib/grub/{grubPlatform}");
        var target = context.Paths.InRoot($"/boot/grub/{grubPlatform}");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => f.EndsWith(".mod", StringComparison.Ordinal) || f.EndsWith(".lst", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }
}
