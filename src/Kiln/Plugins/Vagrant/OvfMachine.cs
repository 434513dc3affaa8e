namespace Kiln.Plugins.Vagrant;

/// <summary>The machine a VirtualBox box describes in its OVF descriptor: its name, its one disk and its size.</summary>
public sealed record OvfMachine(string Name, string DiskFile, long CapacityBytes, bool Is64Bit)
{
    public int MemoryMiB { get; init; } = 1024;

    public int Cpus { get; init; } = 1;

    /// <summary>VirtualBox's OS type, which decides its defaults for the machine (SATA AHCI, an Intel PRO/1000 card).</summary>
    public string OsType => Is64Bit ? "Debian_64" : "Debian";

    /// <summary>The CIM operating system id (CIM_OperatingSystem.OsType): 96 is 64-bit Debian, 95 Debian.</summary>
    public int CimOsId => Is64Bit ? 96 : 95;
}
