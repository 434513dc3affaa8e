using Shouldly;

namespace Kiln.SystemTests;

/// <summary>bookworm for UEFI with Secure Boot: OVMF's Secure Boot firmware with Microsoft's keys starts shim, then the signed GRUB and kernel.</summary>
[Trait("Category", "System")]
public sealed class SecureBootTests
{
    [SystemFact]
    public async Task A_secure_boot_image_boots_with_secure_boot_enforced_through_debians_signed_shim_and_grub()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/bookworm-uefi-secure-boot.yml"));
        File.ReadAllText(build.BootRecord).ShouldContain("\"secure_boot\": true");

        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("secure_boot_variable", "od -An -t u1 /sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c | awk '{print $NF}'"),
            ("mokutil", "mokutil --sb-state"),
            ("kernel_says", "dmesg | grep -o 'Secure boot enabled' | head -1"),
            ("esp", "findmnt -n -o SOURCE,FSTYPE /boot/efi"),
            ("removable_loader_is_shim", "cmp -s /boot/efi/EFI/BOOT/BOOTX64.EFI /usr/lib/shim/shimx64.efi.signed && echo yes || echo no"),
            ("signed_grub", "cmp -s /boot/efi/EFI/BOOT/grubx64.efi /usr/lib/grub/x86_64-efi-signed/grubx64.efi.signed && echo yes || echo no"),
            ("fallback", "ls /boot/efi/EFI/BOOT/fbx64.efi 2>/dev/null | wc -l"),
        ])));

        facts["codename"].ShouldBe("bookworm");
        facts["secure_boot_variable"].ShouldBe("1");
        facts["mokutil"].ShouldBe("SecureBoot enabled");
        facts["kernel_says"].ShouldBe("Secure boot enabled");
        facts["esp"].ShouldBe("/dev/vda15 vfat");
        facts["removable_loader_is_shim"].ShouldBe("yes");
        facts["signed_grub"].ShouldBe("yes");
        facts["fallback"].ShouldBe("0");
        facts["failed_units"].ShouldBe("0");
        facts["cmdline"].ShouldContain("root=UUID=");
    }
}
