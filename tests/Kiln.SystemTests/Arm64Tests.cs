using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// An arm64 image built on this host (on amd64: under qemu-user, registered for the build only) and booted
/// under qemu-system-aarch64 with AAVMF. Slow under emulation, so this is the one arm64 build of the suite.
/// </summary>
[Trait("Category", "System")]
public sealed class Arm64Tests
{
    private const string BinfmtDirectory = "/proc/sys/fs/binfmt_misc";

    [SystemFact]
    public async Task An_arm64_image_built_here_boots_as_aarch64_and_the_host_is_left_as_it_was()
    {
        var before = BinfmtState();

        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/trixie-arm64.yml"));

        BinfmtState().ShouldBe(before, "the build must leave binfmt_misc as it found it");
        File.ReadAllText(build.BootRecord).ShouldContain("\"architecture\": \"arm64\"");
        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", GuestFacts.Script(
        [
            .. GuestFacts.Common.Where(f => f.Key != "serial_getty"),
            ("machine", "uname -m"),
            ("efi_firmware", "test -d /sys/firmware/efi && echo yes || echo no"),
            ("esp", "findmnt -n -o SOURCE,FSTYPE /boot/efi"),
            ("removable_loader", "ls /boot/efi/EFI/BOOT/BOOTAA64.EFI"),
            ("serial_getty", "systemctl is-active serial-getty@ttyAMA0.service"),
            ("kernel", "uname -r"),
        ])));

        facts["machine"].ShouldBe("aarch64");
        facts["codename"].ShouldBe("trixie");
        facts["efi_firmware"].ShouldBe("yes");
        facts["esp"].ShouldBe("/dev/vda15 vfat");
        facts["removable_loader"].ShouldBe("/boot/efi/EFI/BOOT/BOOTAA64.EFI");
        facts["cmdline"].ShouldContain("console=ttyAMA0,115200n8");
        facts["serial_getty"].ShouldBe("active");
        facts["kernel"].ShouldEndWith("-cloud-arm64");
        facts["failed_units"].ShouldBe("0");
    }

    /// <summary>Whether binfmt_misc is mounted, and which qemu entries it holds.</summary>
    private static string BinfmtState()
    {
        if (!File.Exists(Path.Combine(BinfmtDirectory, "register")))
        {
            return "not mounted";
        }

        return "mounted: " + string.Join(' ', Directory.GetFiles(BinfmtDirectory, "qemu-*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
