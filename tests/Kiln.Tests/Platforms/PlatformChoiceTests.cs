using Kiln.Platforms;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Platforms;

/// <summary>The platform a manifest resolves to, and the combinations that cannot boot (each named at its key).</summary>
public sealed class PlatformChoiceTests
{
    [Fact]
    public void A_bootstrap_vz_manifest_without_firmware_builds_bios_on_amd64_as_before()
    {
        var spec = TestManifests.Read(TestManifests.Minimal);

        spec.Platform.ToString().ShouldBe("amd64, bios, grub");
        spec.RequireLayout().Esp.ShouldBeNull();
    }

    [Fact]
    public void Arm64_without_firmware_boots_uefi_with_grub()
    {
        var spec = TestManifests.Read(System("architecture: arm64").Replace("type: msdos", "type: gpt", StringComparison.Ordinal));

        spec.Platform.ToString().ShouldBe("arm64, uefi, grub");
        spec.RequireLayout().Esp.ShouldNotBeNull();
        spec.RequireLayout().BiosBoot.ShouldBeNull();
    }

    [Fact]
    public void Hybrid_with_secure_boot_is_a_platform()
    {
        TestManifests.Read(System("firmware: hybrid\n  secure_boot: true")).Platform.ToString().ShouldBe("amd64, hybrid with Secure Boot, grub");
    }

    [Theory]
    [InlineData("architecture: arm64\n  firmware: bios", "m.yml:8:13: arm64 machines have no BIOS; use firmware uefi")]
    [InlineData("firmware: bios\n  secure_boot: true", "m.yml:8:16: Secure Boot is a UEFI feature; set system.firmware to uefi or hybrid, or leave out secure_boot")]
    [InlineData("bootloader: extlinux\n  firmware: uefi", "m.yml:8:13: extlinux boots BIOS machines only, not uefi; use firmware bios, or grub for UEFI")]
    [InlineData("bootloader: systemd-boot", "m.yml:7:15: systemd-boot is a UEFI boot manager; it cannot boot bios firmware; use firmware uefi, or grub")]
    [InlineData("bootloader: systemd-boot\n  firmware: uefi", "m.yml:6:12: Debian has systemd-boot with ukify from trixie on, not in bookworm; use grub")]
    [InlineData("architecture: i386\n  firmware: uefi", "m.yml:8:13: Kiln builds i386 images for BIOS only; use firmware bios (or amd64 for UEFI)")]
    public void Combinations_that_cannot_boot_are_refused_where_they_are_written(string system, string error)
    {
        TestManifests.ErrorsOf(System(system), "m.yml").Select(e => e.ToString()).ShouldContain(error);
    }

    [Fact]
    public void Uefi_on_an_unpartitioned_disk_is_refused_at_the_table_type()
    {
        var errors = TestManifests.ErrorsOf(System("firmware: uefi").Replace("type: msdos", "type: none", StringComparison.Ordinal), "m.yml");

        errors.Select(e => e.ToString()).ShouldContain("m.yml:11:11: uefi firmware loads the bootloader from an EFI system partition, which an unpartitioned disk cannot hold; use type gpt");
    }

    [Fact]
    public void An_esp_on_a_bios_image_is_refused()
    {
        var errors = TestManifests.ErrorsOf(TestManifests.Minimal.Replace("    root:", "    esp: {size: 256MiB}\n    root:", StringComparison.Ordinal), "m.yml");

        errors.Select(e => e.ToString()).ShouldBe(["m.yml:11:10: an EFI system partition is for UEFI firmware, and this image boots bios with grub; set system.firmware to uefi or hybrid, or remove `esp`"]);
    }

    [Fact]
    public void A_small_esp_is_refused_with_the_size_fat32_needs()
    {
        var errors = TestManifests.ErrorsOf(System("firmware: uefi").Replace("    root:", "    esp: {size: 16MiB}\n    root:", StringComparison.Ordinal), "m.yml");

        errors.Select(e => e.ToString()).ShouldBe(["m.yml:12:17: partition `esp` leaves 15 MiB for the EFI system partition's FAT filesystem after the partition table's share; it needs at least 40 MiB"]);
    }

    private static string System(string lines) => TestManifests.Minimal.Replace("  release: bookworm", $"  release: bookworm\n  {lines}", StringComparison.Ordinal);
}
