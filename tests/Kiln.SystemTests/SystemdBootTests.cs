using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// trixie booted by systemd-boot from a unified kernel image; and the same image under Secure Boot firmware,
/// which refuses its unsigned loader.
/// </summary>
[Trait("Category", "System")]
public sealed class SystemdBootTests
{
    [SystemFact]
    public async Task A_systemd_boot_image_boots_its_unified_kernel_image_and_secure_boot_firmware_refuses_its_unsigned_loader()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/trixie-systemd-boot.yml"));

        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("loader", "bootctl status 2>/dev/null | grep -m1 -E '^ *Product:' | sed 's/^ *Product: *//'"),
            ("stub", "bootctl status 2>/dev/null | grep -A1 '^Current Stub:' | grep -o 'systemd-stub [^ ]*'"),
            ("unified_images", "ls /boot/efi/EFI/Linux/*.efi | wc -l"),
            ("install_layout", "grep ^layout= /etc/kernel/install.conf"),
            ("esp", "findmnt -n -o SOURCE,FSTYPE /boot/efi"),
        ])));

        facts["codename"].ShouldBe("trixie");
        facts["loader"].ShouldStartWith("systemd-boot ");
        facts["stub"].ShouldStartWith("systemd-stub ");
        facts["unified_images"].ShouldBe("1");
        facts["install_layout"].ShouldBe("layout=uki");
        facts["esp"].ShouldBe("/dev/vda15 vfat");
        facts["cmdline"].ShouldContain("root=UUID=");
        facts["failed_units"].ShouldBe("0");

        var (refused, console) = await build.TestAsync(["--firmware", "secure-boot"]);
        refused.ExitCode.ShouldBe(1, $"{refused}\n{console}");
        refused.Error.ShouldContain("the firmware refused to start the bootloader");
        console.ShouldContain("Access Denied");
    }
}
