namespace Kiln.VirtualMachines;

/// <summary>What the VM boots with (<c>--firmware</c>): a BIOS, UEFI, or UEFI that enforces Secure Boot with Microsoft's keys.</summary>
public enum BootFirmware
{
    Bios,
    Uefi,
    SecureBoot,
}
