using Kiln.Platforms;

namespace Kiln.Common.Boot;

/// <summary>
/// Where EFI loaders go on the ESP (pure): the removable path the firmware starts without an NVRAM entry,
/// and Debian's own directory, whose presence makes GRUB's package scripts reinstall the loader on upgrades.
/// </summary>
public static class EfiLoaderFiles
{
    public const string EspRoot = "/boot/efi";

    public const string RemovableDirectory = "EFI/BOOT";

    public const string DebianDirectory = "EFI/debian";

    /// <summary>The files of a Secure Boot chain: (source in the image, name on the ESP) for shim, MokManager and the signed GRUB.</summary>
    public static IReadOnlyList<(string Source, string Name)> SignedChain(ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var suffix = architecture.EfiSuffix;
        return
        [
            ($"/usr/lib/shim/shim{suffix}.efi.signed", $"shim{suffix}.efi"),
            ($"/usr/lib/shim/mm{suffix}.efi.signed", $"mm{suffix}.efi"),
            ($"/usr/lib/grub/{architecture.GrubSignedDirectory}/grub{suffix}.efi.signed", $"grub{suffix}.efi"),
        ];
    }

    /// <summary>The removable path's file name: BOOTX64.EFI, BOOTAA64.EFI.</summary>
    public static string RemovableName(ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return $"BOOT{architecture.EfiSuffix.ToUpperInvariant()}.EFI";
    }

    /// <summary>The path in the image of a file on the ESP.</summary>
    public static string InImage(string directory, string name) => $"{EspRoot}/{directory}/{name}";
}
