using Kiln.Platforms;

namespace Kiln.Common.Boot;

/// <summary>
/// The GRUB packages and debconf answers for a platform (pure). BIOS: grub-pc. Hybrid: Debian's grub-cloud-amd64,
/// which carries both platforms' modules, the signed EFI images and shim. UEFI: the architecture's grub-efi
/// package, with the signed GRUB and shim for Secure Boot. The EFI copy stays on the removable path and
/// no NVRAM entry is written, as in Debian's cloud images, so upgrades keep it current where it is booted.
/// </summary>
public static class GrubPackages
{
    public const string CloudPackage = "grub-cloud-amd64";

    public const string ShimPackage = "shim-signed";

    public static IReadOnlyList<string> For(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var architecture = platform.Architecture;
        return platform.Firmware switch
        {
            Firmware.Bios => ["grub-pc"],
            Firmware.Hybrid => [CloudPackage],
            _ when platform.SecureBoot => [architecture.GrubEfiPackage, architecture.GrubSignedPackage!, ShimPackage],
            _ => [architecture.GrubEfiPackage],
        };
    }

    /// <summary>The debconf answers: the image does not know the disk it will boot from, and has no NVRAM to write.</summary>
    public static IReadOnlyList<string> DebconfSelections(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.Firmware switch
        {
            Firmware.Bios => ["grub-pc grub-pc/install_devices multiselect ", "grub-pc grub-pc/install_devices_empty boolean true"],
            Firmware.Hybrid => [],
            _ =>
            [
                $"{platform.Architecture.GrubEfiPackage} grub2/force_efi_extra_removable boolean true",
                $"{platform.Architecture.GrubEfiPackage} grub2/update_nvram boolean false",
            ],
        };
    }

    /// <summary>Whether the EFI loader is Debian's signed shim and GRUB (Secure Boot, and every hybrid image, as Debian's).</summary>
    public static bool UsesShim(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.BootsUefi && (platform.SecureBoot || platform.Firmware == Firmware.Hybrid);
    }
}
