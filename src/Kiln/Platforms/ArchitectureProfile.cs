namespace Kiln.Platforms;

/// <summary>
/// Every name that differs between architectures, in one place: Debian's architecture and kernel packages,
/// GRUB's platforms and packages, the EFI file names, the root partition type, QEMU's binary, machine,
/// CPU and firmware, the serial console, and the qemu-user emulator for building on another architecture.
/// </summary>
public sealed record ArchitectureProfile
{
    /// <summary>Debian's name (<c>amd64</c>).</summary>
    public required string Debian { get; init; }

    /// <summary>What <c>uname -m</c> says on a host that runs this architecture natively.</summary>
    public required IReadOnlyList<string> NativeMachines { get; init; }

    /// <summary>The cloud-optimized kernel, where Debian has one.</summary>
    public string? CloudKernelPackage { get; init; }

    public required string GenericKernelPackage { get; init; }

    /// <summary>GRUB's BIOS platform (<c>i386-pc</c>); null where there is no BIOS.</summary>
    public string? GrubBiosPlatform { get; init; }

    public required string GrubEfiPlatform { get; init; }

    /// <summary>The GRUB package that installs and updates the EFI loader (<c>grub-efi-amd64</c>).</summary>
    public required string GrubEfiPackage { get; init; }

    /// <summary>GRUB's EFI modules without the installer hooks, for hybrid disks beside grub-pc.</summary>
    public required string GrubEfiBinPackage { get; init; }

    /// <summary>Debian's signed GRUB for Secure Boot; null where Debian signs none.</summary>
    public string? GrubSignedPackage { get; init; }

    /// <summary>The directory the signed GRUB image is in, below /usr/lib/grub.</summary>
    public string? GrubSignedDirectory { get; init; }

    /// <summary>The suffix of EFI file names: <c>x64</c> in shimx64.efi, grubx64.efi, BOOTX64.EFI.</summary>
    public required string EfiSuffix { get; init; }

    /// <summary>The file the firmware starts from a disk with no boot entry: <c>EFI/BOOT/BOOTX64.EFI</c>.</summary>
    public string RemovableEfiPath => $"EFI/BOOT/BOOT{EfiSuffix.ToUpperInvariant()}.EFI";

    /// <summary>The GPT type of a root partition on this architecture (the Discoverable Partitions Specification).</summary>
    public required string RootPartitionType { get; init; }

    public required string QemuSystem { get; init; }

    public required string QemuSystemPackage { get; init; }

    /// <summary>QEMU's machine type for BIOS and for UEFI boots.</summary>
    public required string BiosMachine { get; init; }

    public required string UefiMachine { get; init; }

    /// <summary>QEMU's CPU model under TCG, or null for QEMU's default.</summary>
    public string? EmulatedCpu { get; init; }

    public required FirmwareFiles Uefi { get; init; }

    /// <summary>UEFI firmware that enforces Secure Boot, with Microsoft's keys enrolled.</summary>
    public FirmwareFiles? SecureBootUefi { get; init; }

    /// <summary>The kernel's name for the first serial port.</summary>
    public required string SerialConsole { get; init; }

    /// <summary>The qemu-user emulator that runs this architecture's programs on other hosts, and its binfmt name.</summary>
    public required string QemuUserBinary { get; init; }

    public required string BinfmtName { get; init; }

    public bool HasBios => GrubBiosPlatform is not null;

    /// <summary>The kernel a VM image gets: the cloud flavour where Debian has one (smaller, boots faster).</summary>
    public string DefaultKernelPackage => CloudKernelPackage ?? GenericKernelPackage;

    public bool RunsNativelyOn(string hostMachine) => NativeMachines.Contains(hostMachine, StringComparer.Ordinal);

    public override string ToString() => Debian;
}
