namespace Kiln.Manifests;

/// <summary>The bootloader a manifest asks for (<c>system.bootloader</c>).</summary>
public enum Bootloader
{
    Grub,
    Extlinux,
    Pvgrub,

    /// <summary><c>systemd-boot</c> in the manifest.</summary>
    SystemdBoot,
    None,
}
