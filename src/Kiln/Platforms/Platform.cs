namespace Kiln.Platforms;

/// <summary>The machine an image is made for: architecture × firmware (with or without Secure Boot) × boot chain.</summary>
public sealed record Platform(ArchitectureProfile Architecture, Firmware Firmware, bool SecureBoot, BootChain BootChain)
{
    /// <summary>The image starts from a BIOS (BIOS or hybrid firmware).</summary>
    public bool BootsBios => Firmware is Firmware.Bios or Firmware.Hybrid;

    /// <summary>The image starts from UEFI firmware (UEFI or hybrid).</summary>
    public bool BootsUefi => Firmware is Firmware.Uefi or Firmware.Hybrid;

    public override string ToString() =>
        $"{Architecture.Debian}, {Firmware.ToString().ToLowerInvariant()}{(SecureBoot ? " with Secure Boot" : string.Empty)}, {BootChain.Name}";
}
