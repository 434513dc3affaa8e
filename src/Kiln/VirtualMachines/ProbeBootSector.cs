namespace Kiln.VirtualMachines;

/// <summary>
/// A 512-byte BIOS boot sector that writes "KVM" to the first serial port and halts: booting it under
/// <c>-accel kvm</c> shows whether KVM really runs guests on this host (it can exist and still hang).
/// </summary>
public static class ProbeBootSector
{
    public const string Marker = "KVM";

    public static byte[] Create()
    {
        byte[] code =
        [
            0xBA, 0xF8, 0x03, // mov dx, 0x3f8
            0xB0, (byte)'K', 0xEE, // mov al, 'K'; out dx, al
            0xB0, (byte)'V', 0xEE,
            0xB0, (byte)'M', 0xEE,
            0xFA, // cli
            0xF4, // hlt
            0xEB, 0xFD, // jmp back to hlt
        ];
        var sector = new byte[512];
        code.CopyTo(sector, 0);
        sector[510] = 0x55;
        sector[511] = 0xAA;
        return sector;
    }
}
