using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>
/// Puts GRUB's EFI loader on the ESP (in the root tree at /boot/efi, written into the partition later). With
/// shim (Secure Boot, hybrid) the removable path starts Debian's signed shim, which starts the signed GRUB,
/// which reads a small grub.cfg next to it that finds /boot/grub; otherwise the removable path is a GRUB
/// image built by the image's own grub-mkimage with the boot filesystem's UUID embedded.
/// </summary>
public sealed class InstallGrubEfiLoader : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Installing GRUB's EFI loader on the ESP";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConfigureGrub)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        var architecture = context.Spec.Architecture;
        var removable = EfiLoaderFiles.RemovableName(architecture);
        if (GrubPackages.UsesShim(context.Spec.Platform))
        {
            var chain = EfiLoaderFiles.SignedChain(architecture);
            foreach (var (source, name) in chain)
            {
                var file = context.Paths.InRoot(source);
                if (!File.Exists(file))
                {
                    throw new KilnException($"the image has no {source}; the signed shim and GRUB packages did not install it");
                }

                CopyToEsp(context, file, EfiLoaderFiles.DebianDirectory, name);
                CopyToEsp(context, file, EfiLoaderFiles.RemovableDirectory, name == chain[0].Name ? removable : name);
            }

            var stub = GrubConfiguration.EspStub(layout);
            context.WriteFile(EfiLoaderFiles.InImage(EfiLoaderFiles.DebianDirectory, "grub.cfg"), stub);
            context.WriteFile(EfiLoaderFiles.InImage(EfiLoaderFiles.RemovableDirectory, "grub.cfg"), stub);
            MarkInstalled(context, context.Paths.InRoot(chain[^1].Source));
            return;
        }

        var image = await GrubImage.MakeAsync(context, architecture.GrubEfiPlatform, "grub.efi", GrubConfiguration.Embedded(layout), GrubConfiguration.EfiModules(layout), cancellationToken);
        CopyToEsp(context, image, EfiLoaderFiles.DebianDirectory, $"grub{architecture.EfiSuffix}.efi");
        CopyToEsp(context, image, EfiLoaderFiles.RemovableDirectory, removable);
        MarkInstalled(context, image);
        File.Delete(image);
    }

    /// <summary>
    /// GRUB's package scripts reinstall the EFI loader on upgrades only where grub-install ran before: bookworm's
    /// look for EFI/debian on the ESP, trixie's for /boot/grub/PLATFORM/core.efi, which grub-install leaves.
    /// </summary>
    private static void MarkInstalled(BuildContext context, string loader)
    {
        var platform = context.Spec.Architecture.GrubEfiPlatform;
        var target = context.Paths.InRoot($"/boot/grub/{platform}/core.efi");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(loader, target, overwrite: true);
    }

    private static void CopyToEsp(BuildContext context, string source, string directory, string name)
    {
        var target = context.Paths.InRoot(EfiLoaderFiles.InImage(directory, name));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }
}
