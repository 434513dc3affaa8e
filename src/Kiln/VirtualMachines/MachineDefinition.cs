using Kiln.Platforms;

namespace Kiln.VirtualMachines;

/// <summary>The machine QEMU emulates for an image: architecture, firmware, disk bus and network card.</summary>
public sealed record MachineDefinition(ArchitectureProfile Architecture, BootFirmware Firmware, string DiskBus, string Network)
{
    public static MachineDefinition Default { get; } = From(BootRecord.Default, null);

    /// <summary>The machine a boot record describes; <paramref name="firmware"/> overrides its firmware (a hybrid image boots both ways).</summary>
    public static MachineDefinition From(BootRecord record, BootFirmware? firmware)
    {
        ArgumentNullException.ThrowIfNull(record);
        var architecture = Architectures.Find(record.Architecture)
            ?? throw new UserInputException($"the boot record names the architecture `{record.Architecture}`, which Kiln does not boot; use one of {string.Join(", ", Architectures.All.Select(a => a.Debian))}");
        var recorded = record.Firmware switch
        {
            Platforms.Firmware.Bios => BootFirmware.Bios,
            _ when record.SecureBoot => BootFirmware.SecureBoot,
            _ => BootFirmware.Uefi,
        };
        return new MachineDefinition(architecture, firmware ?? recorded, record.DiskBus, record.Network);
    }

    public bool UsesUefi => Firmware != BootFirmware.Bios;

    /// <summary>Why this machine cannot be started, or null.</summary>
    public string? Problem() => Firmware == BootFirmware.Bios && !Architecture.HasBios
        ? $"{Architecture.Debian} machines have no BIOS; boot with --firmware uefi"
        : Firmware == BootFirmware.SecureBoot && Architecture.SecureBootUefi is null
            ? $"Kiln has no Secure Boot firmware for {Architecture.Debian}"
            : null;

    /// <summary>The firmware files this machine needs, or null for a BIOS.</summary>
    public FirmwareFiles? FirmwareFiles => Firmware switch
    {
        BootFirmware.Uefi => Architecture.Uefi,
        BootFirmware.SecureBoot => Architecture.SecureBootUefi,
        _ => null,
    };
}
