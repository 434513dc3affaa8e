namespace Kiln.Platforms;

/// <summary>How the machine starts its bootloader (<c>system.firmware</c>): BIOS, UEFI, or a disk that boots either way.</summary>
public enum Firmware
{
    Bios,
    Uefi,

    /// <summary>BIOS boot code and an EFI system partition on one disk, as Debian's cloud images are made.</summary>
    Hybrid,
}
