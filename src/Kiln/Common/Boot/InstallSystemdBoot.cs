using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>
/// Installs systemd-boot on the ESP's removable path and builds the first unified kernel image with the
/// image's own ukify; kernel-install is set up to build the next ones itself on kernel upgrades.
/// </summary>
public sealed class InstallSystemdBoot : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Installing systemd-boot and a unified kernel image";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var architecture = context.Spec.Architecture;
        var layout = context.RequireLayout();
        var loader = context.Paths.InRoot(SystemdBootFiles.LoaderPath(architecture));
        if (!File.Exists(loader))
        {
            throw new KilnException($"the image has no {SystemdBootFiles.LoaderPath(architecture)}; the systemd-boot-efi package did not install it");
        }

        foreach (var (directory, name) in new[] { (EfiLoaderFiles.RemovableDirectory, EfiLoaderFiles.RemovableName(architecture)), ("EFI/systemd", $"systemd-boot{architecture.EfiSuffix}.efi") })
        {
            var target = context.Paths.InRoot(EfiLoaderFiles.InImage(directory, name));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(loader, target, overwrite: true);
        }

        var commandLine = SystemdBootFiles.CommandLine(layout, context.KernelParameters);
        context.WriteFile($"{EfiLoaderFiles.EspRoot}/loader/loader.conf", SystemdBootFiles.LoaderConfiguration);
        context.WriteFile($"{EfiLoaderFiles.EspRoot}/loader/entries.srel", SystemdBootFiles.EntriesSrel);
        context.WriteFile("/etc/kernel/install.conf", SystemdBootFiles.InstallConfiguration);
        context.WriteFile("/etc/kernel/cmdline", commandLine + "\n");
        context.WriteFile("/etc/kernel/entry-token", SystemdBootFiles.EntryToken + "\n");
        var kernel = KernelFiles.Find(context);
        var output = SystemdBootFiles.UnifiedImagePath(kernel.Version);
        Directory.CreateDirectory(Path.GetDirectoryName(context.Paths.InRoot(output))!);
        var ukify = new CommandLine("ukify", "build", $"--linux=/boot/vmlinuz-{kernel.Version}", $"--initrd=/boot/initrd.img-{kernel.Version}",
            $"--cmdline={commandLine}", $"--uname={kernel.Version}", "--os-release=@/etc/os-release", $"--output={output}");
        await context.Chroot.RunAsync(ukify, cancellationToken);
    }
}
