using Kiln.Disks;
using Kiln.Platforms;

namespace Kiln.Common.Boot;

/// <summary>
/// The files of a systemd-boot image (pure text and paths): the loader's settings, kernel-install's settings
/// that make it build a unified kernel image with ukify on every kernel upgrade, and the kernel command line.
/// </summary>
public static class SystemdBootFiles
{
    /// <summary>kernel-install names the images it makes after this token; Kiln's first one is named the same way.</summary>
    public const string EntryToken = "debian";

    public static string LoaderPath(ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return $"/usr/lib/systemd/boot/efi/systemd-boot{architecture.EfiSuffix}.efi";
    }

    /// <summary>The unified kernel image of a kernel version on the ESP, where systemd-boot finds it without an entry file.</summary>
    public static string UnifiedImagePath(string kernelVersion) => $"{EfiLoaderFiles.EspRoot}/EFI/Linux/{EntryToken}-{kernelVersion}.efi";

    public static string CommandLine(DiskLayout layout, IEnumerable<string> kernelParameters)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return string.Join(' ', new[] { $"root=UUID={layout.Root.Uuid}", "ro" }.Concat(kernelParameters));
    }

    /// <summary>loader/loader.conf: a short menu (the newest image is the default), no editing of the command line.</summary>
    public const string LoaderConfiguration = "# Written by Kiln.\ntimeout 1\neditor no\n";

    /// <summary>
    /// /etc/kernel/install.conf: kernel-install makes a unified kernel image with ukify, always on the ESP
    /// (without BOOT_ROOT it writes to /boot when it finds no ESP, and succeeds).
    /// </summary>
    public const string InstallConfiguration = "# Written by Kiln: kernel-install builds a unified kernel image on the ESP for every kernel.\nlayout=uki\nuki_generator=ukify\nBOOT_ROOT=/boot/efi\n";

    /// <summary>loader/entries.srel: the ESP follows the Boot Loader Specification's type #1 layout, as bootctl marks it.</summary>
    public const string EntriesSrel = "type1\n";
}
