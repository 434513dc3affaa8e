namespace Kiln.Manifests;

/// <summary>The manifest's names of bootloaders (<c>systemd-boot</c> for <see cref="Bootloader.SystemdBoot"/>).</summary>
public static class BootloaderNames
{
    public static Bootloader Parse(string name) => name switch
    {
        "grub" => Bootloader.Grub,
        "extlinux" => Bootloader.Extlinux,
        "pvgrub" => Bootloader.Pvgrub,
        "systemd-boot" => Bootloader.SystemdBoot,
        "none" => Bootloader.None,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a bootloader name"),
    };

    public static string ToName(this Bootloader bootloader) => bootloader switch
    {
        Bootloader.SystemdBoot => "systemd-boot",
        _ => bootloader.ToString().ToLowerInvariant(),
    };
}
