namespace Kiln.Platforms;

/// <summary>The architectures Kiln builds images for.</summary>
public static class Architectures
{
    private const string OvmfDirectory = "/usr/share/OVMF";
    private const string AavmfDirectory = "/usr/share/AAVMF";

    public static readonly ArchitectureProfile Amd64 = new()
    {
        Debian = "amd64",
        NativeMachines = ["x86_64"],
        CloudKernelPackage = "linux-image-cloud-amd64",
        GenericKernelPackage = "linux-image-amd64",
        GrubBiosPlatform = "i386-pc",
        GrubEfiPlatform = "x86_64-efi",
        GrubEfiPackage = "grub-efi-amd64",
        GrubEfiBinPackage = "grub-efi-amd64-bin",
        GrubSignedPackage = "grub-efi-amd64-signed",
        GrubSignedDirectory = "x86_64-efi-signed",
        EfiSuffix = "x64",
        RootPartitionType = "4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709",
        QemuSystem = "qemu-system-x86_64",
        QemuSystemPackage = "qemu-system-x86",
        BiosMachine = "pc",
        UefiMachine = "q35",
        Uefi = new([$"{OvmfDirectory}/OVMF_CODE_4M.fd", $"{OvmfDirectory}/OVMF_CODE.fd"], [$"{OvmfDirectory}/OVMF_VARS_4M.fd", $"{OvmfDirectory}/OVMF_VARS.fd"], "ovmf"),
        SecureBootUefi = new([$"{OvmfDirectory}/OVMF_CODE_4M.secboot.fd", $"{OvmfDirectory}/OVMF_CODE.secboot.fd"], [$"{OvmfDirectory}/OVMF_VARS_4M.ms.fd", $"{OvmfDirectory}/OVMF_VARS.ms.fd"], "ovmf"),
        SerialConsole = "ttyS0",
        QemuUserBinary = "qemu-x86_64-static",
        BinfmtName = "qemu-x86_64",
    };

    public static readonly ArchitectureProfile Arm64 = new()
    {
        Debian = "arm64",
        NativeMachines = ["aarch64", "arm64"],
        CloudKernelPackage = "linux-image-cloud-arm64",
        GenericKernelPackage = "linux-image-arm64",
        GrubEfiPlatform = "arm64-efi",
        GrubEfiPackage = "grub-efi-arm64",
        GrubEfiBinPackage = "grub-efi-arm64-bin",
        GrubSignedPackage = "grub-efi-arm64-signed",
        GrubSignedDirectory = "arm64-efi-signed",
        EfiSuffix = "aa64",
        RootPartitionType = "B921B045-1DF0-41C3-AF44-4C6F280D3FAE",
        QemuSystem = "qemu-system-aarch64",
        QemuSystemPackage = "qemu-system-arm",
        BiosMachine = "virt",
        UefiMachine = "virt",
        EmulatedCpu = "max,pauth=off",
        Uefi = new([$"{AavmfDirectory}/AAVMF_CODE.fd"], [$"{AavmfDirectory}/AAVMF_VARS.fd"], "qemu-efi-aarch64"),
        SecureBootUefi = new([$"{AavmfDirectory}/AAVMF_CODE.ms.fd"], [$"{AavmfDirectory}/AAVMF_VARS.ms.fd"], "qemu-efi-aarch64"),
        SerialConsole = "ttyAMA0",
        QemuUserBinary = "qemu-aarch64-static",
        BinfmtName = "qemu-aarch64",
    };

    /// <summary>32-bit x86: BIOS images for the releases that still have an i386 kernel (bookworm and older).</summary>
    public static readonly ArchitectureProfile I386 = new()
    {
        Debian = "i386",
        NativeMachines = ["i686", "i586", "i386", "x86_64"],
        GenericKernelPackage = "linux-image-686-pae",
        GrubBiosPlatform = "i386-pc",
        GrubEfiPlatform = "i386-efi",
        GrubEfiPackage = "grub-efi-ia32",
        GrubEfiBinPackage = "grub-efi-ia32-bin",
        EfiSuffix = "ia32",
        RootPartitionType = "44479540-F297-41B2-9AF7-D131D5F0458A",
        QemuSystem = "qemu-system-x86_64",
        QemuSystemPackage = "qemu-system-x86",
        BiosMachine = "pc",
        UefiMachine = "q35",
        Uefi = new([$"{OvmfDirectory}/OVMF32_CODE_4M.secboot.fd"], [$"{OvmfDirectory}/OVMF32_VARS_4M.fd"], "ovmf-ia32"),
        SerialConsole = "ttyS0",
        QemuUserBinary = "qemu-i386-static",
        BinfmtName = "qemu-i386",
    };

    public static IReadOnlyList<ArchitectureProfile> All { get; } = [Amd64, Arm64, I386];

    public static ArchitectureProfile? Find(string debianName) => All.FirstOrDefault(a => a.Debian == debianName);
}
