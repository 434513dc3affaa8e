using Kiln.Common.Boot;
using Kiln.Platforms;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Platforms;

public sealed class GrubPackagesTests
{
    [Theory]
    [InlineData("amd64", Firmware.Bios, false, "grub-pc")]
    [InlineData("amd64", Firmware.Hybrid, false, "grub-cloud-amd64")]
    [InlineData("amd64", Firmware.Hybrid, true, "grub-cloud-amd64")]
    [InlineData("amd64", Firmware.Uefi, false, "grub-efi-amd64")]
    [InlineData("amd64", Firmware.Uefi, true, "grub-efi-amd64 grub-efi-amd64-signed shim-signed")]
    [InlineData("arm64", Firmware.Uefi, false, "grub-efi-arm64")]
    [InlineData("arm64", Firmware.Uefi, true, "grub-efi-arm64 grub-efi-arm64-signed shim-signed")]
    public void Each_platform_gets_debians_grub_for_its_firmware(string architecture, Firmware firmware, bool secureBoot, string packages)
    {
        var platform = new Platform(Architectures.Find(architecture)!, firmware, secureBoot, BootChains.Grub);

        string.Join(' ', GrubPackages.For(platform)).ShouldBe(packages);
    }

    [Fact]
    public void The_efi_copy_stays_on_the_removable_path_and_no_nvram_is_written()
    {
        var platform = new Platform(Architectures.Arm64, Firmware.Uefi, false, BootChains.Grub);

        GrubPackages.DebconfSelections(platform).ShouldBe(["grub-efi-arm64 grub2/force_efi_extra_removable boolean true", "grub-efi-arm64 grub2/update_nvram boolean false"]);
    }

    [Theory]
    [InlineData(Firmware.Bios, false, false)]
    [InlineData(Firmware.Uefi, false, false)]
    [InlineData(Firmware.Uefi, true, true)]
    [InlineData(Firmware.Hybrid, false, true)]
    public void Shim_starts_grub_under_secure_boot_and_on_every_hybrid_disk(Firmware firmware, bool secureBoot, bool shim)
    {
        GrubPackages.UsesShim(new Platform(Architectures.Amd64, firmware, secureBoot, BootChains.Grub)).ShouldBe(shim);
    }

    [Fact]
    public void The_signed_chain_names_debians_files_and_their_names_on_the_esp()
    {
        EfiLoaderFiles.SignedChain(Architectures.Amd64).ShouldBe(
        [
            ("/usr/lib/shim/shimx64.efi.signed", "shimx64.efi"),
            ("/usr/lib/shim/mmx64.efi.signed", "mmx64.efi"),
            ("/usr/lib/grub/x86_64-efi-signed/grubx64.efi.signed", "grubx64.efi"),
        ]);
        EfiLoaderFiles.RemovableName(Architectures.Arm64).ShouldBe("BOOTAA64.EFI");
    }

    [Fact]
    public void The_esp_stub_finds_the_boot_filesystem_and_reads_its_menu()
    {
        Golden.Verify(GrubConfiguration.EspStub(Disks.TestLayouts.MsdosRootOnly()));
    }

    [Fact]
    public void Without_a_pc_serial_port_grub_uses_the_firmware_console()
    {
        GrubConfiguration.Defaults(["console=ttyAMA0,115200n8"], serialPort: false).ShouldContain("GRUB_TERMINAL=console\n");
        GrubConfiguration.Defaults(["console=ttyAMA0,115200n8"], serialPort: false).ShouldNotContain("GRUB_SERIAL_COMMAND");
    }
}
